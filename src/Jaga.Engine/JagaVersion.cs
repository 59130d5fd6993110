using System.Reflection;

namespace Jaga.Engine;

/// <summary>This build's version, as recorded in manifests.</summary>
public static class JagaVersion
{
    public static string Current { get; } =
        (typeof(JagaVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
