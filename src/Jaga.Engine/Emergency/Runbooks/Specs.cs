using Jaga.Core.Conditions;
using Jaga.Core.Emergency;
using Jaga.Core.Plan;
using Jaga.Engine.Emergency.Steps;

namespace Jaga.Engine.Emergency.Runbooks;

/// <summary>A step's plan text turned into what its runner takes, every template filled in.</summary>
internal static class Specs
{
    /// <summary>A <c>run</c> step: a shell line has its parameter and step values quoted as single words; a program's
    /// arguments are passed as they are. Its folder is relative to the plan's.</summary>
    public static ProcessSpec Process(StepContext c, RunCommand run, TimeSpan timeout, LoadedPlan plan)
    {
        var spec = run.Shell
            ? ProcessSpec.Shell(c.Resolve(run.Command, StepTemplate.ShellQuote))
            : ProcessSpec.Exec(c.Resolve(run.Command), [.. run.Args.Select(a => c.Resolve(a))]);
        return spec with
        {
            Env = run.Env.ToDictionary(kv => kv.Key, kv => c.Resolve(kv.Value), StringComparer.Ordinal),
            WorkingDirectory = run.Dir is { } dir ? plan.Resolve(c.Resolve(dir)) : plan.Directory,
            Timeout = timeout,
            AcceptedExitCodes = run.Accepted,
        };
    }

    /// <summary>An <c>http</c> step: without <c>expect</c>, a 2xx status passes.</summary>
    public static HttpSpec Http(StepContext c, HttpRequest request, TimeSpan timeout)
    {
        var expect = request.Expect.Count == 0 ? ["[STATUS] < 300", "[STATUS] >= 200"] : request.Expect.Select(e => c.Resolve(e)).ToList();
        return new HttpSpec(c.Resolve(request.Url))
        {
            Method = request.Method,
            Headers = request.Headers.ToDictionary(kv => kv.Key, kv => c.Resolve(kv.Value), StringComparer.OrdinalIgnoreCase),
            Body = request.Body is { } body ? c.Resolve(body) : null,
            Conditions = [.. expect.Select(Condition.Parse)],
            Timeout = timeout,
        };
    }

    /// <summary>A <c>restore</c> step's target: a URL as it is, a path relative to the plan's folder.</summary>
    public static string Target(StepContext c, string into, LoadedPlan plan)
    {
        var value = c.Resolve(into);
        return value.Contains("://", StringComparison.Ordinal) ? value : plan.Resolve(value);
    }
}
