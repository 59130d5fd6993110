using System.CommandLine;

namespace Jaga.Cli;

/// <summary>Options every command accepts: --plan, --json, --lang.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Plan { get; } = new("--plan", "-p")
    {
        Description = "The plan file (default: $JAGA_PLAN, else ./jaga.yaml)",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json") { Description = "Machine-readable JSON output", Recursive = true };

    public Option<string?> Lang { get; } = new("--lang")
    {
        Description = "Language of messages: en or id (default: the plan's language)",
        Recursive = true,
    };

    public GlobalOptions() => Lang.AcceptOnlyFromAmong("en", "id");

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Plan);
        root.Options.Add(Json);
        root.Options.Add(Lang);
    }
}
