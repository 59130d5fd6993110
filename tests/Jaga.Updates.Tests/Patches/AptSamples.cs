namespace Jaga.Updates.Tests.Patches;

/// <summary>The apt output captured for these tests (see Samples/README.md for how each was captured).</summary>
internal static class AptSamples
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Patches", "Samples", name));
}
