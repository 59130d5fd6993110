namespace Jaga.Core.Plan;

/// <summary>An SSH server (<c>ssh: host:port</c>, or a mapping with a login): [CONNECTED], [BODY] the server's banner
/// line; with <c>user</c>, [CONNECTED] only once the login succeeded.</summary>
public sealed record SshCheck(
    string Name, SshLogin Ssh, TimeSpan Every, TimeSpan Timeout, IReadOnlyList<string> Expect, IReadOnlyList<string> DependsOn, Alert? Alert)
    : Check(Name, Every, Timeout, Expect, DependsOn, Alert)
{
    public override string Kind => "ssh";

    public override string Target => Ssh.User is { } user ? $"{user}@{Ssh.Address}" : Ssh.Address;
}
