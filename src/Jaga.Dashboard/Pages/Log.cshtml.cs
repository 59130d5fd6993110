using System.Globalization;
using Jaga.Core.Journal;
using Jaga.Core.Ledger;
using Jaga.Core.Messages;
using Jaga.Dashboard.Log;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jaga.Dashboard.Pages;

/// <summary>The maintenance log: filtered by level, pillar, time and text with a GET form (so a filtered page is a link to
/// keep), read with the store's <see cref="LogQuery"/> as <c>jaga log</c> reads it, paged by sequence number both ways; and
/// the audit chain's last verification, with the button that starts one (operators, <see cref="LogVerifyModel"/>).</summary>
public sealed class LogModel(IDashboardState state, ChainChecks checks, DashboardOptions options, IAuthorizationService authorization) : PageModel
{
    /// <summary>The longest text filter: a log message is one line, and a longer needle is a mistake, not a search.</summary>
    public const int MaxText = 200;

    public Catalog Words => state.Words;

    [BindProperty(SupportsGet = true, Name = "level")]
    public string? LevelText { get; set; }

    [BindProperty(SupportsGet = true, Name = "pillar")]
    public string? PillarText { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "until")]
    public string? Until { get; set; }

    [BindProperty(SupportsGet = true, Name = "text")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "before")]
    public string? Before { get; set; }

    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    /// <summary>What is wrong with the filters, each naming its field; the page then shows no entries.</summary>
    public List<string> Problems { get; } = [];

    public LogView? View { get; private set; }

    public bool Filtered { get; private set; }

    public long ScanWindow => options.LogScanWindow;

    public ChainCheck? Check => checks.Last;

    public bool CanVerify { get; private set; }

    /// <summary>The plan's zone, as the from and until fields read their times.</summary>
    public string ZoneName => ZoneTime.Format(options.Clock.GetUtcNow(), state.Zone)[17..];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        CanVerify = (await authorization.AuthorizeAsync(User, DashboardPolicies.Operator)).Succeeded;
        var query = Read();
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Filtered = query with { Before = null } != new LogQuery { ScanWindow = options.LogScanWindow };
        View = Seq(After, 0) is { } after
            ? await LogView.NewerAsync(state.Store, query with { Before = null }, after, ct)
            : await LogView.OlderAsync(state.Store, query, ct);
        return Page();
    }

    /// <summary>The query the fields ask for, or the problems with them.</summary>
    private LogQuery Read()
    {
        var t = Words;
        Severity? level = null;
        if (!string.IsNullOrEmpty(LevelText))
        {
            if (SeverityText.TryParse(LevelText, out var s)) level = s;
            else Problems.Add(t.Format("web.log.level.invalid", QueryText.Shown(LevelText)));
        }
        Pillar? pillar = null;
        if (!string.IsNullOrEmpty(PillarText))
        {
            if (PillarKinds.TryParse(PillarText, out var p)) pillar = p;
            else Problems.Add(t.Format("web.log.pillar.invalid", QueryText.Shown(PillarText), string.Join(", ", Enum.GetValues<Pillar>().Select(x => x.Word()))));
        }
        var now = options.Clock.GetUtcNow();
        var from = Time(From, t["web.log.from"], now);
        var until = Time(Until, t["web.log.until"], now);
        if (Text is { Length: > MaxText }) Problems.Add(t.Format("web.log.text.long", Text.Length, MaxText));
        var before = Seq(Before, 1);
        Seq(After, 0);
        return new LogQuery
        {
            MinLevel = level,
            Pillar = pillar,
            From = from,
            Until = until,
            Text = Problems.Count == 0 ? Text : null,
            Before = Problems.Count == 0 ? before : null,
            ScanWindow = options.LogScanWindow,
        };
    }

    private DateTimeOffset? Time(string? text, string field, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        switch (LogTimeText.Read(text.Trim(), now, state.Zone, out var time))
        {
            case LogTimeProblem.None:
                return time;
            case LogTimeProblem.Range:
                Problems.Add(Words.Format("cli.since.range", field, QueryText.Shown(text), LogTimeText.Furthest(now)));
                return null;
            default:
                Problems.Add(Words.Format("cli.since.invalid", field, QueryText.Shown(text)));
                return null;
        }
    }

    /// <summary>A page link's sequence number, at least <paramref name="least"/>; a bad one is a problem (links are made here,
    /// so it was edited by hand).</summary>
    private long? Seq(string? text, long least)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq >= least && seq < long.MaxValue) return seq;
        if (!Problems.Contains(Words.Format("web.log.seq.invalid", QueryText.Shown(text), least))) Problems.Add(Words.Format("web.log.seq.invalid", QueryText.Shown(text), least));
        return null;
    }

    /// <summary>A value as a message quotes it: at most 40 characters of it.</summary>
    /// <summary>This page with the same filters, at another place: below <paramref name="before"/> or above <paramref name="after"/>.</summary>
    public string Link(long? before = null, long? after = null)
    {
        var parts = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add(new(key, value));
        }
        Add("level", LevelText);
        Add("pillar", PillarText);
        Add("from", From);
        Add("until", Until);
        Add("text", Text);
        Add("before", before?.ToString(CultureInfo.InvariantCulture));
        Add("after", after?.ToString(CultureInfo.InvariantCulture));
        return "/log" + QueryString.Create(parts).ToUriComponent();
    }

    /// <summary>A line as the log file has it, without the plan's secrets.</summary>
    public string Line(AuditEntry entry) => state.Redact(entry.Line);

    public string Redact(string text) => state.Redact(text);

    public string Local(DateTimeOffset t) => ZoneTime.Format(t, state.Zone);
}
