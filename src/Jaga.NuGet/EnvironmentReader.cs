using NuGet.Common;

namespace Jaga.NuGet;

/// <summary>NuGet's environment port over the plan's environment lookup, so the proxy settings NuGet reads come from
/// the same place as everything else Jaga reads.</summary>
internal sealed class EnvironmentReader(Func<string, string?> environment) : IEnvironmentVariableReader
{
    public string? GetEnvironmentVariable(string variable) => environment(variable);
}
