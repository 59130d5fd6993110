using static Jaga.Core.Plan.Schema.PlanSchema;

namespace Jaga.Core.Plan.Schema;

/// <summary>The shape of <c>changes:</c>, <c>docs:</c> and <c>checklist:</c>, part of <see cref="PlanSchema"/>: what is a
/// significant change, the documents kept beside the plan, and what the readiness checklist measures.</summary>
internal static class ReadinessSchema
{
    public static readonly string[] Points = ["configuration", "folders", "dependencies", "ci", "security", "documentation", "backup"];

    public static ObjectShape Changes { get; } = Obj<ChangesSettings>(
        "Which acts are significant changes, each recorded in the state store for review (`jaga changes`, `jaga changes review`).",
        F("plan", Bool(), def: "true", doc: "A plan change (seen by the daemon on reload) touching backup destinations, retention, encryption, or removing a check."),
        F("restore", Bool(), def: "true", doc: "A runbook run with a restore step."),
        F("migration", Bool(), def: "true", doc: "A migration run (`jaga migrate run`)."),
        F("major_update", Bool(), def: "true", doc: "A dependency updated to a new major version."),
        F("security_patch", Bool(), def: "true", doc: "An operating-system security patch installed (`jaga patches --apply`)."));

    public static ObjectShape Docs { get; } = Obj<DocsSettings>("Documents kept beside the plan.",
        F("render_to", Path(), doc: "Where the maintenance-plan document (`jaga plan render`) is kept, e.g. MAINTENANCE.md: written again when the plan changes (by `jaga plan render` and by the daemon on reload); `jaga checklist` flags it when stale."));

    public static ObjectShape Checklist { get; } = Obj<ChecklistSettings>("What the readiness checklist (`jaga checklist`) measures.",
        F("url", Url("http", "https"), doc: "The application's public URL: probed for HTTPS and its security headers (HSTS, CSP, X-Content-Type-Options, X-Frame-Options)."),
        F("audit_max_age", Scalar(ScalarKind.Duration), def: "7d", doc: "A dependency audit (`jaga deps audit`) older than this does not count."),
        F("optional", List(Enum(Points), single: true), doc: "Points reported without failing the checklist: configuration, folders, dependencies, ci, security, documentation, backup."));
}
