using Jaga.Core.Journal.Events.Dashboard;
using Jaga.Core.Messages;
using Jaga.Core.Ports;
using Jaga.Dashboard.Accounts;

namespace Jaga.Cli.Daemon;

/// <summary>The first run: a state with no dashboard user gets <c>admin</c> with a random password, printed once on the
/// console with the URL, so the README's command leads to a sign-in. The log and the audit chain say only that it was made.
/// Two nodes starting at once make one admin: the store adds a name once.</summary>
internal static class FirstAdmin
{
    public const string Name = "admin";

    public static async Task EnsureAsync(DaemonState state, Output output, Catalog words, string url, CancellationToken ct)
    {
        if ((await state.Store.Users.ListAsync(ct)).Count > 0) return;
        var password = Passwords.Random();
        var user = new DashboardUser(Name, DashboardRole.Admin, Passwords.Hash(password), 0, null, state.Clock.GetUtcNow());
        if (!await state.Store.Users.AddAsync(user, ct)) return;
        await state.Journal.RecordAsync(new DashboardAdminCreated(Name, url), ct: ct);
        output.Line(words.Format("cli.run.admin", url, Name, password));
    }
}
