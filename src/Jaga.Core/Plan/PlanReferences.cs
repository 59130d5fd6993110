using Jaga.Core.Plan.Yaml;
using Jaga.Core.Text;

namespace Jaga.Core.Plan;

/// <summary>Checks the names one part of the plan uses for another: destinations, channels, checks, runbooks, backups.</summary>
public static class PlanReferences
{
    public static void Check(PMap root, string file, List<PlanError> errors)
    {
        var destinations = Keys(root["destinations"]);
        var channels = Keys(root["notify"]);
        var backups = Names(root["backup"], "backup", file, errors);
        var monitoring = root["monitoring"] as PMap;
        var checkList = monitoring?["checks"];
        var checks = Names(checkList, "monitoring.checks", file, errors);
        var runbookList = (root["emergency"] as PMap)?["runbooks"];
        var runbooks = Names(runbookList, "emergency.runbooks", file, errors);

        void Ref(PNode? node, ICollection<string> known, string what, string path)
        {
            foreach (var s in Scalars(node))
            {
                if (known.Contains(s.Value)) continue;
                var near = Similarity.Nearest(s.Value, known);
                var hint = near is not null ? $"did you mean '{near}'?"
                    : known.Count == 0 ? $"define it first; the plan has no {what}s" : $"known {what}s: {string.Join(", ", known)}";
                errors.Add(new PlanError(file, s.Mark, $"{path}: unknown {what} '{s.Value}'", hint));
            }
        }

        foreach (var (job, i) in Items(root["backup"]))
            Ref(job["to"], destinations, "destination", $"backup[{i}].to");

        foreach (var (check, i) in Items(checkList))
        {
            var alert = check["alert"] as PMap;
            Ref(alert?["notify"], channels, "notify channel", $"monitoring.checks[{i}].alert.notify");
            Ref(alert?["runbook"], runbooks, "runbook", $"monitoring.checks[{i}].alert.runbook");
            Ref(check["depends_on"], checks, "check", $"monitoring.checks[{i}].depends_on");
            Ref(check["backup"], backups, "backup job", $"monitoring.checks[{i}].backup");
        }

        DependencyCycles(checkList, file, errors);

        if (monitoring?["host"] is PMap host && host["alert"] is PMap hostAlert)
        {
            Ref(hostAlert["notify"], channels, "notify channel", "monitoring.host.alert.notify");
            Ref(hostAlert["runbook"], runbooks, "runbook", "monitoring.host.alert.runbook");
        }
        foreach (var (window, i) in Items(monitoring?["maintenance"]))
            Ref(window["checks"], checks, "check", $"monitoring.maintenance[{i}].checks");
        Names(monitoring?["maintenance"], "monitoring.maintenance", file, errors);

        foreach (var (runbook, i) in Items(runbookList))
        {
            Ref((runbook["on"] as PMap)?["check"], checks, "check", $"emergency.runbooks[{i}].on.check");
            foreach (var (step, j) in Items(runbook["steps"]))
            {
                var path = $"emergency.runbooks[{i}].steps[{j}]";
                Ref((step["wait_for"] as PMap)?["check"], checks, "check", $"{path}.wait_for.check");
                Ref(step["notify"], channels, "notify channel", $"{path}.notify");
                Ref((step["restore"] as PMap)?["backup"], backups, "backup job", $"{path}.restore.backup");
            }
        }
    }

    /// <summary>A check that depends on itself, directly or through others, would hold its own alerts back for ever.
    /// Each cycle is reported once, at the depends_on entry that closes it.</summary>
    private static void DependencyCycles(PNode? checkList, string file, List<PlanError> errors)
    {
        var edges = new Dictionary<string, List<(PScalar Target, int Index)>>(StringComparer.Ordinal);
        foreach (var (check, i) in Items(checkList))
        {
            if (check["name"] is PScalar name && !edges.ContainsKey(name.Value))
                edges[name.Value] = Scalars(check["depends_on"]).Select(s => (s, i)).ToList();
        }
        var visiting = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in edges.Keys) Visit(start);

        void Visit(string name)
        {
            if (done.Contains(name) || !edges.TryGetValue(name, out var targets)) return;
            visiting.Add(name);
            foreach (var (target, i) in targets)
            {
                var at = visiting.IndexOf(target.Value);
                if (at < 0)
                {
                    Visit(target.Value);
                    continue;
                }
                var message = target.Value == name
                    ? $"'{name}' depends on itself"
                    : $"dependency cycle {string.Join(" → ", visiting.Skip(at).Append(target.Value))}";
                errors.Add(new PlanError(file, target.Mark, $"monitoring.checks[{i}].depends_on: {message}",
                    "a check can only depend on checks that do not depend on it; remove one depends_on entry of the cycle"));
            }
            visiting.RemoveAt(visiting.Count - 1);
            done.Add(name);
        }
    }

    private static List<string> Keys(PNode? node) => node is PMap m ? m.Entries.Select(e => e.Key).ToList() : [];

    private static List<string> Names(PNode? list, string path, string file, List<PlanError> errors)
    {
        var names = new List<string>();
        foreach (var (item, i) in Items(list))
        {
            if (item["name"] is not PScalar name) continue;
            if (names.Contains(name.Value))
                errors.Add(new PlanError(file, name.Mark, $"{path}[{i}].name: '{name.Value}' is already used by another entry", "give each entry its own name"));
            else
                names.Add(name.Value);
        }
        return names;
    }

    private static IEnumerable<(PMap Item, int Index)> Items(PNode? node) =>
        node is PList list ? list.Items.Select((n, i) => (n as PMap, i)).Where(t => t.Item1 is not null).Select(t => (t.Item1!, t.i)) : [];

    private static IEnumerable<PScalar> Scalars(PNode? node) => node switch
    {
        PScalar { IsNull: false } s => [s],
        PList l => l.Items.OfType<PScalar>(),
        _ => [],
    };
}
