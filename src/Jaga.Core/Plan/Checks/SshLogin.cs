namespace Jaga.Core.Plan;

/// <summary>Where an <c>ssh</c> check connects and, when <see cref="User"/> is set, how it logs in (as an SFTP destination
/// does: a key file and/or a password, the host key checked against <see cref="Fingerprint"/> or known_hosts).</summary>
/// <param name="Address">The server, <c>host:port</c>.</param>
/// <param name="User">The user to log in as; no login (the banner only) when null.</param>
/// <param name="Password">The password (a secret), when no key is used.</param>
/// <param name="KeyFile">The private key file, relative to the plan's folder.</param>
/// <param name="KnownHosts">The known_hosts file that pins the host key (default <c>~/.ssh/known_hosts</c>).</param>
/// <param name="Fingerprint">The pinned host key fingerprint (<c>SHA256:…</c>), instead of known_hosts.</param>
public sealed record SshLogin(string Address, string? User, string? Password, string? KeyFile, string? KnownHosts, string? Fingerprint);
