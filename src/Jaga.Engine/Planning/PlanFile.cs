using Jaga.Core.Plan;
using Jaga.Core.Plan.Yaml;

namespace Jaga.Engine.Planning;

/// <summary>Loads the plan from disk: the edge where the pure <see cref="PlanLoader"/> meets files and the environment.</summary>
public static class PlanFile
{
    public static PlanLoadResult Load(string path, Func<string, string?>? variables = null)
    {
        PlanLoadResult Fail(string message, string hint) => new(null, [new PlanError(path, new Mark(1, 1), message, hint)]);
        if (string.IsNullOrWhiteSpace(path)) return Fail("the plan path is empty", "pass --plan FILE, or unset an empty JAGA_PLAN");
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) return Fail("is a folder, not a plan file", $"pass the file, e.g. --plan {Path.Combine(path, "jaga.yaml")}");
        if (!File.Exists(full)) return Fail("plan file not found", "run 'jaga init' to write one, or pass --plan FILE");
        string text;
        try
        {
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail($"cannot read the plan: {e.Message}", "check the file's permissions");
        }
        return LoadText(text, path, variables);
    }

    /// <summary>Loads plan text that is not on disk yet (as <c>jaga init</c> checks what it is about to write),
    /// reading env files and variables the same way as <see cref="Load"/>.</summary>
    public static PlanLoadResult LoadText(string text, string path, Func<string, string?>? variables = null)
    {
        var world = new PlanWorld(variables ?? Environment.GetEnvironmentVariable, ReadEnvFile);
        return PlanLoader.Load(text, path, Path.GetDirectoryName(Path.GetFullPath(path))!, world);
    }

    private static string? ReadEnvFile(string path)
    {
        if (Directory.Exists(path))
            throw new Core.Errors.UserException($"env_files: {path} is a folder, not a file", $"name the env file itself, e.g. {Path.Combine(path, ".env")}");
        if (!File.Exists(path)) return null;
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Core.Errors.UserException($"cannot read the env file {path}: {e.Message}", "check the file's permissions, or remove it from env_files", e);
        }
    }
}
