using Jaga.Core.Plan;
using Jaga.Core.Plan.Yaml;

namespace Jaga.Engine.Planning;

/// <summary>Loads the plan from disk: the edge where the pure <see cref="PlanLoader"/> meets files and the environment.</summary>
public static class PlanFile
{
    public static PlanLoadResult Load(string path, Func<string, string?>? variables = null)
    {
        var display = path;
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            return new PlanLoadResult(null, [new PlanError(display, new Mark(1, 1), "plan file not found", "run 'jaga init' to write one, or pass --plan FILE")]);
        var text = File.ReadAllText(full);
        var world = new PlanWorld(variables ?? Environment.GetEnvironmentVariable, p => File.Exists(p) ? File.ReadAllText(p) : null);
        return PlanLoader.Load(text, display, Path.GetDirectoryName(full)!, world);
    }
}
