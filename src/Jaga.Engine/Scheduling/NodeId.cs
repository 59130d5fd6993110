using System.Security.Cryptography;

namespace Jaga.Engine.Scheduling;

/// <summary>The id of a <c>jaga run</c> process: <c>node:pid:random</c> (the node is <c>scheduler.node</c>, by default the
/// host name), unique even when a pid is reused after a restart.</summary>
public static class NodeId
{
    public static string New(string node) =>
        $"{node}:{Environment.ProcessId}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
}
