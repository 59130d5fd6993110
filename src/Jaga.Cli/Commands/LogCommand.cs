using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Core.Journal;
using Jaga.Core.Ledger;
using Jaga.Core.Messages;

namespace Jaga.Cli.Commands;

/// <summary><c>jaga log</c> reads the maintenance log from the audit chain; <c>jaga log add</c> records manual maintenance.</summary>
internal static class LogCommand
{
    public static Command Create(CommandBuilder b)
    {
        var log = b.Command("log", "Show the maintenance log (from the audit chain), filtered; oldest first, or the last N with --tail.",
            "jaga log --since 7d --level WARN --pillar backup --grep auth");
        var since = new Option<string?>("--since") { Description = "Only entries at or after a duration ago (24h, 7d) or a date/time (2025-11-15, 2025-11-15T02:00)" };
        var until = new Option<string?>("--until") { Description = "Only entries before a duration ago (24h, 7d) or a date/time (2025-11-15, 2025-11-15T02:00)" };
        var level = new Option<string?>("--level") { Description = "Minimum level: INFO, WARN or ERROR" };
        var pillar = new Option<string?>("--pillar") { Description = "Only one pillar's entries: backup, monitoring, update, emergency, migration, manual or other" };
        var grep = new Option<string?>("--grep") { Description = "Only entries whose message contains this text (ASCII letters in either case; % and _ are plain characters)" };
        var tail = new Option<int?>("--tail", "-n") { Description = "Only the last N entries" };
        var before = new Option<long?>("--before") { Description = "Only entries with a sequence number below this one (the seq of the oldest entry of the page already seen: the next page)" };
        log.Options.Add(since);
        log.Options.Add(until);
        log.Options.Add(level);
        log.Options.Add(pillar);
        log.Options.Add(grep);
        log.Options.Add(tail);
        log.Options.Add(before);
        b.Action(log, async (parse, ctx, ct) =>
        {
            var minimum = ParseLevel(parse.GetValue(level), "--level");
            var n = parse.GetValue(tail);
            var loaded = ctx.LoadPlan();
            var t = ctx.Messages(loaded);
            if (n is < 0) throw new UserError(t["cli.tail.negative"]);
            if (parse.GetValue(before) is < 1) throw new UserError(t["cli.before.invalid"]);
            Pillar? only = null;
            if (parse.GetValue(pillar) is { } p)
                only = PillarKinds.TryParse(p, out var parsed) ? parsed
                    : throw new UserError(t.Format("cli.pillar.invalid", UsageErrors.Quote(p), string.Join(", ", Enum.GetValues<Pillar>().Select(x => x.Word()))));
            var now = ctx.Clock.GetUtcNow();
            var query = new LogQuery
            {
                MinLevel = minimum,
                Pillar = only,
                From = ParseTime(parse.GetValue(since), "--since", now, loaded.Plan.Timezone, t),
                Until = ParseTime(parse.GetValue(until), "--until", now, loaded.Plan.Timezone, t),
                Text = parse.GetValue(grep),
                Before = parse.GetValue(before),
            };
            var filtered = query != new LogQuery();
            var (plan, store, _) = await ctx.OpenAsync(ct: ct);
            await using var _s = store;
            // The store's query pages newest first; the log reads oldest first, so the pages are gathered and turned round.
            var selected = new List<AuditEntry>();
            while (n is not { } max || selected.Count < max)
            {
                var size = n is { } m ? Math.Min(m - selected.Count, LogQuery.MaxPageSize) : LogQuery.MaxPageSize;
                var page = await store.QueryAsync(query with { PageSize = size }, ct);
                selected.AddRange(page.Entries);
                if (page.Next is not { } next) break;
                query = query with { Before = next };
            }
            selected.Reverse();
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonArray(selected.Select(e => (JsonNode)AuditCommand.ToJson(e)).ToArray()));
                return ExitCodes.Ok;
            }
            if (selected.Count == 0 && n != 0) ctx.Output.Error(ctx.Messages(plan)[filtered ? "log.none" : "log.empty"]);
            foreach (var e in selected) ctx.Output.Line(e.Line);
            return ExitCodes.Ok;
        });

        var add = b.Command("add", "Record manual maintenance in the log and the audit chain, with who did it.", "jaga log add --level WARN --by rina \"Patch keamanan diterapkan pada modul auth\"");
        var addLevel = new Option<string>("--level") { Description = "INFO, WARN or ERROR", DefaultValueFactory = _ => "INFO" };
        var by = new Option<string?>("--by") { Description = "Who did it (default: user@host)" };
        var message = new Argument<string>("message") { Description = "What was done" };
        add.Options.Add(addLevel);
        add.Options.Add(by);
        add.Arguments.Add(message);
        b.Action(add, async (parse, ctx, ct) =>
        {
            var lvl = ParseLevel(parse.GetValue(addLevel), "--level")!.Value;
            var text = parse.GetValue(message) ?? "";
            if (string.IsNullOrWhiteSpace(text)) throw new UserError("log add: the message is empty; say what was done, e.g. jaga log add \"Rotated the API key\"");
            var who = parse.GetValue(by);
            if (who is not null && string.IsNullOrWhiteSpace(who)) throw new UserError("--by: give a name");
            var (_, store, journal) = await ctx.OpenAsync(who, ct);
            await using (store)
            {
                var entry = await journal.RecordTextAsync(lvl, "manual", text, new Dictionary<string, string> { ["source"] = "jaga log add" }, ct: ct);
                if (ctx.JsonOutput) ctx.Output.Write(AuditCommand.ToJson(entry));
                else ctx.Output.Line(entry.Line);
            }
            return ExitCodes.Ok;
        });
        log.Subcommands.Add(add);
        return log;
    }

    private static Severity? ParseLevel(string? text, string option)
    {
        if (text is null) return null;
        return SeverityText.TryParse(text, out var s) ? s : throw new UserError($"{option}: '{text}' is not a level; use INFO, WARN or ERROR");
    }

    /// <summary>A time bound as <see cref="LogTimeText"/> reads it, or the option named with what is wrong.</summary>
    private static DateTimeOffset? ParseTime(string? text, string option, DateTimeOffset now, TimeZoneInfo zone, Catalog t)
    {
        if (text is null) return null;
        return LogTimeText.Read(text, now, zone, out var time) switch
        {
            LogTimeProblem.None => time,
            LogTimeProblem.Range => throw new UserError(t.Format("cli.since.range", option, UsageErrors.Quote(text), LogTimeText.Furthest(now))),
            _ => throw new UserError(t.Format("cli.since.invalid", option, UsageErrors.Quote(text))),
        };
    }
}
