using Jaga.Testing;

namespace Jaga.Monitoring.Tests.Notify;

/// <summary>Two smtp4dev servers shared by a test class, started side by side: a plain one, and one that requires
/// STARTTLS (certificate from a test CA) and the login alice / s3cret-pw.</summary>
public sealed class Smtp4devServers : IAsyncLifetime
{
    public Smtp4devServer Plain { get; private set; } = null!;

    public Smtp4devServer Secure { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var plain = Smtp4devServer.StartAsync();
        var secure = Smtp4devServer.StartAsync(startTls: true, login: ("alice", "s3cret-pw"));
        Plain = await plain;
        Secure = await secure;
    }

    public async Task DisposeAsync()
    {
        if (Plain is not null) await Plain.DisposeAsync();
        if (Secure is not null) await Secure.DisposeAsync();
    }
}
