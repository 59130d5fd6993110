using System.Text.RegularExpressions;
using Jaga.Core.Errors;
using Tomlyn;
using Tomlyn.Model;

namespace Jaga.Core.Secrets;

/// <summary>Reads a gitleaks-format rule file (<c>gitleaks.toml</c>, gitleaks v8), so a team keeps the rules it has:
/// <c>[[rules]]</c> with <c>id</c>, <c>description</c>, <c>regex</c>, <c>secretGroup</c>, <c>entropy</c>, <c>keywords</c>,
/// <c>path</c> and <c>[[rules.allowlists]]</c> (or the older <c>[rules.allowlist]</c>); the global <c>[allowlist]</c> or
/// <c>[[allowlists]]</c> (with <c>targetRules</c>); allowlists' <c>paths</c>, <c>regexes</c>, <c>regexTarget</c>,
/// <c>stopwords</c>, <c>commits</c> and <c>condition</c>. <c>[extend] useDefault = true</c> adds Jaga's own rules (not
/// gitleaks' defaults, which Jaga does not ship), less <c>disabledRules</c>.</summary>
/// <remarks>Every mistake is a <see cref="UserException"/> naming the file and the rule: a file that is not TOML, a rule
/// without an id or a regex, and a regex .NET cannot run without backtracking (<see cref="SecretPatterns"/>).</remarks>
public static class GitleaksConfig
{
    /// <param name="text">The file's content.</param>
    /// <param name="file">The file's name as the user gave it, for messages and <see cref="SecretRuleSet.Source"/>.</param>
    public static SecretRuleSet Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        TomlTable root;
        try
        {
            root = TomlSerializer.Deserialize<TomlTable>(text) ?? new TomlTable();
        }
        catch (TomlException e)
        {
            throw new UserException($"{file}: not a TOML file: {e.Message}", "gitleaks rule files are TOML; check the line named");
        }
        var rules = new List<SecretRule>();
        var extend = Table(root, "extend", file, "[extend]");
        if (extend is not null)
        {
            if (Str(extend, "path", file, "[extend]") is { } other)
                throw new UserException($"{file}: [extend] path = \"{other}\" is not supported", "copy the rules of that file into this one");
            if (Bool(extend, "useDefault", file) || Bool(extend, "usedefault", file))
            {
                var disabled = Strings(extend, "disabledRules", file, "[extend]").ToHashSet(StringComparer.Ordinal);
                rules.AddRange(JagaRules.Default.Rules.Where(r => !disabled.Contains(r.Id)));
            }
        }
        var global = new List<SecretAllowlist>();
        var targeted = new List<(string[] Rules, SecretAllowlist List)>();
        foreach (var (table, where) in Allowlists(root, file, "global"))
        {
            var targets = Strings(table, "targetRules", file, where).ToArray();
            var list = Allowlist(table, file, where);
            if (targets.Length > 0) targeted.Add((targets, list));
            else global.Add(list);
        }
        if (root.TryGetValue("rules", out var rulesValue))
        {
            if (rulesValue is not TomlTableArray array) throw new UserException($"{file}: rules must be an array of tables ([[rules]])");
            var index = 0;
            foreach (var table in array)
            {
                index++;
                var rule = Rule(table, file, index);
                rules.RemoveAll(r => r.Id == rule.Id);
                rules.Add(rule);
            }
        }
        if (rules.Count == 0) throw new UserException($"{file}: no rule", "add [[rules]] tables, or [extend] useDefault = true for Jaga's own rules");
        foreach (var (targets, list) in targeted)
        {
            foreach (var id in targets)
            {
                var i = rules.FindIndex(r => r.Id == id);
                if (i < 0) throw new UserException($"{file}: an allowlist's targetRules names '{id}', which is no rule here");
                rules[i] = rules[i] with { Allowlists = [.. rules[i].Allowlists, list] };
            }
        }
        return new SecretRuleSet(rules, global, file);
    }

    private static SecretRule Rule(TomlTable table, string file, int index)
    {
        var id = Str(table, "id", file, $"rule {index}") ?? throw new UserException($"{file}: rule {index} has no id", "give every [[rules]] an id = \"…\"");
        var where = $"rule {id}";
        var regex = Str(table, "regex", file, where);
        var path = Str(table, "path", file, where);
        if (regex is null && path is null) throw new UserException($"{file}: {where} has neither regex nor path", "a rule needs a regex, a path, or both");
        var group = table.TryGetValue("secretGroup", out var g) ? g switch
        {
            long n and >= 0 and <= int.MaxValue => (int)n,
            _ => throw new UserException($"{file}: {where}: secretGroup is {g}, not a group number", "write secretGroup = 1 (a whole number, 0 for the whole match)"),
        } : 0;
        var entropy = table.TryGetValue("entropy", out var e) ? e switch
        {
            long n and >= 0 => n,
            double d when double.IsFinite(d) && d >= 0 => d,
            _ => throw new UserException($"{file}: {where}: entropy is {e}, not a number", "write entropy = 3.5 (bits per character)"),
        } : 0;
        var pattern = regex is null ? null : Compile(regex, file, where, "regex");
        if (pattern is not null && group > 0 && group > pattern.GetGroupNumbers().Max())
            throw new UserException($"{file}: {where}: secretGroup {group} is beyond the regex's {pattern.GetGroupNumbers().Max()} group(s)");
        var lists = Allowlists(table, file, where).Select(t => Allowlist(t.Table, file, t.Where)).ToList();
        return new SecretRule(id, Str(table, "description", file, where) ?? id, pattern, group, entropy,
            [.. Strings(table, "keywords", file, where).Select(k => k.ToLowerInvariant())], path is null ? null : Compile(path, file, where, "path"), lists);
    }

    /// <summary>The allowlists of a table: the older single <c>allowlist</c> table and the array <c>allowlists</c>.</summary>
    private static IEnumerable<(TomlTable Table, string Where)> Allowlists(TomlTable table, string file, string where)
    {
        if (Table(table, "allowlist", file, where) is { } single) yield return (single, $"{where} allowlist");
        if (!table.TryGetValue("allowlists", out var many)) yield break;
        if (many is not TomlTableArray array) throw new UserException($"{file}: {where}: allowlists must be an array of tables ([[allowlists]])");
        var i = 0;
        foreach (var t in array) yield return (t, $"{where} allowlist {++i}");
    }

    private static SecretAllowlist Allowlist(TomlTable table, string file, string where)
    {
        var target = (Str(table, "regexTarget", file, where) ?? "secret") switch
        {
            "secret" => AllowTarget.Secret,
            "match" => AllowTarget.Match,
            "line" => AllowTarget.Line,
            var other => throw new UserException($"{file}: {where}: regexTarget '{other}' is not secret, match or line"),
        };
        var condition = (Str(table, "condition", file, where) ?? "OR").ToUpperInvariant();
        if (condition is not ("OR" or "AND")) throw new UserException($"{file}: {where}: condition '{condition}' is not OR or AND");
        // gitleaks v7 spelled paths "files"; both are read.
        var paths = Strings(table, "paths", file, where).Concat(Strings(table, "files", file, where));
        return new SecretAllowlist(
            [.. paths.Select(p => Compile(p, file, where, "paths"))],
            [.. Strings(table, "regexes", file, where).Select(r => Compile(r, file, where, "regexes"))],
            target,
            [.. Strings(table, "stopwords", file, where).Select(w => w.ToLowerInvariant())],
            [.. Strings(table, "commits", file, where)],
            condition == "AND");
    }

    private static Regex Compile(string re2, string file, string where, string key)
    {
        try
        {
            return SecretPatterns.Compile(re2);
        }
        catch (FormatException e)
        {
            throw new UserException($"{file}: {where}: {key} '{re2}' cannot be compiled by .NET: {e.Message}",
                "write it in the part of RE2 both engines share (docs/secrets.md lists the differences)");
        }
    }

    private static TomlTable? Table(TomlTable table, string key, string file, string where) =>
        !table.TryGetValue(key, out var v) ? null : v as TomlTable ?? throw new UserException($"{file}: {where}: {key} must be a table");

    private static string? Str(TomlTable table, string key, string file, string where) =>
        !table.TryGetValue(key, out var v) ? null : v as string ?? throw new UserException($"{file}: {where}: {key} must be a string");

    private static bool Bool(TomlTable table, string key, string file) =>
        table.TryGetValue(key, out var v) && (v as bool? ?? throw new UserException($"{file}: [extend] {key} must be true or false"));

    private static IEnumerable<string> Strings(TomlTable table, string key, string file, string where)
    {
        if (!table.TryGetValue(key, out var v)) return [];
        if (v is not TomlArray array || array.Any(x => x is not string)) throw new UserException($"{file}: {where}: {key} must be a list of strings");
        return array.Cast<string>();
    }
}
