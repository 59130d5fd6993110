using Jaga.Core.Errors;
using Jaga.Core.Messages;
using Jaga.Core.Plan;
using Jaga.Core.Plan.Yaml;
using Jaga.Engine.Files;

namespace Jaga.Engine.Planning;

/// <summary>Loads the plan from disk: the edge where the pure <see cref="PlanLoader"/> meets files and the environment.</summary>
public static class PlanFile
{
    public static PlanLoadResult Load(string path, Func<string, string?>? variables = null)
    {
        PlanLoadResult Fail(string message, string? hint) => new(null, [new PlanError(path, new Mark(1, 1), message, hint)]);
        PlanLoadResult Refuse(Phrase message, Phrase hint) => new(null, [PlanError.Of(path, new Mark(1, 1), message, hint)]);
        if (string.IsNullOrWhiteSpace(path)) return Refuse(new Phrase("plan.error.file.empty"), new Phrase("plan.hint.file.empty"));
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) return Refuse(new Phrase("plan.error.file.folder"), new Phrase("plan.hint.file.folder", [Path.Combine(path, "jaga.yaml")]));
        if (!File.Exists(full)) return Refuse(new Phrase("plan.error.file.missing"), new Phrase("plan.hint.file.missing"));
        string text;
        try
        {
            text = Read(full) ?? "";
        }
        catch (UserException e)
        {
            return Fail(e.Message, e.Hint);
        }
        return LoadText(text, path, variables);
    }

    /// <summary>Reads the plan's text: a regular file of at most <see cref="InputFile.PlanLimit"/> bytes; null when missing.</summary>
    /// <exception cref="UserException">It is not a regular file, is too large, or cannot be read.</exception>
    public static string? Read(string path) => InputFile.ReadText(path, InputFile.PlanLimit, "plan");

    /// <summary>Loads plan text that is not on disk yet (as <c>jaga init</c> checks what it is about to write),
    /// reading env files and variables the same way as <see cref="Load"/>.</summary>
    public static PlanLoadResult LoadText(string text, string path, Func<string, string?>? variables = null)
    {
        var world = new PlanWorld(variables ?? Environment.GetEnvironmentVariable, ReadEnvFile) { IsFolder = Directory.Exists };
        return PlanLoader.Load(text, path, Path.GetDirectoryName(Path.GetFullPath(path))!, world);
    }

    private static string? ReadEnvFile(string path) => InputFile.ReadText(path, InputFile.EnvFileLimit, "env file");
}
