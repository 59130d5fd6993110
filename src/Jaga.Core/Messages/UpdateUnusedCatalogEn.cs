namespace Jaga.Core.Messages;

/// <summary>The texts of probably-unused dependencies (<c>Jaga.Engine.Updates.Unused</c>, the audit's reports): the
/// evidence per ecosystem and the report's section.</summary>
internal static class UpdateUnusedCatalogEn
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["reason.unused.npm"] = "no file under {0} imports or requires it; no script names it (scanned {1} files)",
        ["reason.unused.python"] = "no .py file under {0} imports {1} (scanned {2} files)",
        ["reason.unused.nuget"] = "the built {0} references none of its assemblies ({1})",
        ["reason.unused.nuget.not.built"] = "not built: run dotnet build first",
        ["reason.unused.nuget.not.restored"] = "not restored: run dotnet restore first",
        ["cli.deps.unused.title"] = "Probably unused ({0}):",
        ["cli.deps.unused.unchecked"] = "Not checked for use ({0}):",
    };
}
