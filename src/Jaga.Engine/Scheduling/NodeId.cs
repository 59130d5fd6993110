using System.Security.Cryptography;

namespace Jaga.Engine.Scheduling;

/// <summary>The id of a <c>jaga run</c> process: <c>host:pid:random</c>, unique even when a pid is reused after a restart.</summary>
public static class NodeId
{
    public static string New() =>
        $"{Environment.MachineName}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
}
