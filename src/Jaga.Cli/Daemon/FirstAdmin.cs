using Jaga.Core.Journal.Events.Dashboard;
using Jaga.Core.Messages;
using Jaga.Core.Ports;
using Jaga.Dashboard.Accounts;
using Jaga.Engine.Files;

namespace Jaga.Cli.Daemon;

/// <summary>The first run: a state with no dashboard user gets <c>admin</c> with a random password, so the README's
/// command leads to a sign-in. On a terminal the password is printed once with the URL; otherwise (a service whose
/// output journald keeps) it goes to <see cref="FileName"/> beside the state, readable by its owner only, and the console
/// gets only that file's path. The log and the audit chain say only that it was made. Two nodes starting at once make
/// one admin: the store adds a name once. It runs before the host starts (no job claims the store yet, and a store that
/// is away fails the start like any other start-up read) and returns what to show once the daemon's own line is out.</summary>
internal static class FirstAdmin
{
    public const string Name = "admin";

    public const string FileName = "dashboard-admin.txt";

    public static async Task<Action<Output>?> EnsureAsync(DaemonState state, Catalog words, string url, string passwordFile, bool terminal, CancellationToken ct)
    {
        if ((await state.Store.Users.ListAsync(ct)).Count > 0) return null;
        var password = Passwords.Random();
        var user = new DashboardUser(Name, DashboardRole.Admin, Passwords.Hash(password), 0, null, state.Clock.GetUtcNow());
        if (!await state.Store.Users.AddAsync(user, ct)) return null;
        var line = words.Format("cli.run.admin", url, Name, password);
        if (!terminal) AtomicFile.WriteAllText(passwordFile, line + "\n", UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await state.Journal.RecordAsync(new DashboardAdminCreated(Name, url), ct: ct);
        return terminal ? output => output.Reveal(line) : output => output.Line(words.Format("cli.run.admin.file", url, Name, passwordFile));
    }
}
