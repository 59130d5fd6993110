using Jaga.Core.Adapters;

namespace Jaga.Smtp;

/// <summary>Adds alert e-mail through MailKit.</summary>
public static class SmtpAdapters
{
    public static AdapterSet AddSmtp(this AdapterSet adapters) => adapters.AddMail(new MailKitSmtpSender());
}
