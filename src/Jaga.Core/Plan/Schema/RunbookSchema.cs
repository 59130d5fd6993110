using static Jaga.Core.Plan.Schema.PlanSchema;

namespace Jaga.Core.Plan.Schema;

/// <summary>The shape of <c>emergency:</c>, part of <see cref="PlanSchema"/>: contacts, runbooks, their parameters,
/// triggers and steps.</summary>
internal static class RunbookSchema
{
    private const string TextNote = " A template: `${params.NAME}`, `${steps.NAME.output}`, `${steps.NAME.exit_code}` and `${VAR}`, filled in when the step runs.";

    public static ObjectShape Section { get; } = Obj<EmergencySection>("Emergency procedures.",
        F("contacts", List(Obj<Contact>("A person to call when the system fails.",
            F("name", Name(), required: true, doc: "How steps and the procedure name the person."),
            F("role", Str(), doc: "What they do, e.g. on-call engineer, database owner."),
            F("phone", Str()),
            F("email", Str(), doc: "Where a `notify: { contact: NAME }` step writes to."),
            F("chat", Str(), doc: "A chat handle, e.g. @budi on Slack."))) with
        { Names = NameKind.Contact },
            doc: "Whom to call: listed in every printed procedure, and reachable by `notify` steps."),
        F("runbooks", List(Runbook) with { Names = NameKind.Runbook }, doc: "Procedures for when the system fails: printable (`jaga runbook show`), and run step by step."),
        F("drills", List(Obj<Drill>("A scheduled restore drill, as `jaga drill restore` runs one.",
            F("backup", RefTo(NameKind.BackupJob), required: true, doc: "The backup job whose latest backup is restored into a scratch target (PostgreSQL: on the job's `verify.restore_into`)."),
            F("schedule", Cron(), doc: "When, as cron in the plan's time zone."),
            F("every", Scalar(ScalarKind.Duration), doc: "When, as a fixed interval instead of a schedule."),
            F("test", Str(), doc: "A shell command run against the restored copy, whose address is in `$JAGA_DRILL_TARGET`; exit 0 passes."),
            F("timeout", Scalar(ScalarKind.Duration), doc: "The whole drill's limit; the backup job's `timeout` when absent.")) with
        { OneOf = ["schedule", "every"] }),
            doc: "Restore drills on a schedule: each records its recovery time and data-loss window (`jaga status`, `/metrics`), and a failed one turns the job's `backup` check down."));

    private static ObjectShape Runbook => Obj<Runbook>("A runbook.",
        F("name", Name(), required: true),
        F("description", Str(), doc: "What the runbook is for, shown first in the printed procedure."),
        F("params", List(Obj<RunbookParam>("A parameter of the runbook, given as `--param NAME=VALUE`.",
            F("name", Name(), required: true, doc: "Used in steps as `${params.NAME}`."),
            F("type", Enum("string", "int", "bool", "duration"), def: "string", doc: "What the value must read as."),
            F("default", Scalar(ScalarKind.Value), doc: "The value when none is given; without one the parameter is required."),
            F("allowed", List(Scalar(ScalarKind.Value), single: true), doc: "The only values accepted."),
            F("description", Str(), doc: "What the value means, shown in the procedure and when the runbook asks for it."))),
            doc: "Values the runbook is started with."),
        F("timeout", Scalar(ScalarKind.Duration), def: "30m", doc: "How long each step may take unless it has its own `timeout` (an `approve` step waits without limit unless it has one)."),
        // Not "on": YAML 1.1 readers (PyYAML, and the editors' schema checks built on them) read the key on as true.
        Trigger with { Aliases = ["on"] },
        F("steps", List(Step), required: true, doc: "The steps, in order."),
        F("review", Enum("after", "before"), def: "after", doc: "When a run by hand is reviewed as a significant change: `after` (a run with a restore step is listed by `jaga changes` until reviewed) or `before` (a run by hand is refused until someone other than who asked reviews it with `jaga changes review`)."));

    private static Field Trigger => F("trigger", Obj<RunbookTrigger>("The trigger.",
        F("check", RefTo(NameKind.Check), doc: "A check that is down."),
        F("failing_for", Scalar(ScalarKind.Duration), doc: "With `check`: down at least this long."),
        F("backup", RefTo(NameKind.BackupJob), doc: "A backup job whose run failed."),
        F("heartbeat", RefTo(NameKind.Check), doc: "A heartbeat check whose ping did not come in time.")) with
    {
        OneOf = ["check", "backup", "heartbeat"],
        Variants = Kinds(("check", typeof(CheckTrigger)), ("backup", typeof(BackupTrigger)), ("heartbeat", typeof(HeartbeatTrigger))),
    },
        doc: "What starts the runbook by itself: a check down (for a while), a backup failing, a heartbeat missed; by hand only when absent. Spelled `trigger`, not `on`, which YAML 1.1 tools read as `true`; `on` is still read.");

    public static ObjectShape Step => Obj<RunbookStep>("A step.",
        F("name", Name(), doc: "The step's name, for `${steps.NAME.output}` in later steps; its kind and number (`run-1`) when absent."),
        F("run", Obj<RunCommand>("A command.",
            F("command", Str(), required: true, doc: "Without `args`: a shell command line (`/bin/sh -c`). With `args`: the program, started directly." + TextNote),
            F("args", List(Str()), doc: "Arguments of the program, each passed as it is (no shell, no quoting)."),
            F("env", new MapShape(Str(), "variable name") { Description = "Environment variables added for the command." }),
            F("dir", Path(), doc: "Working folder; the plan's folder when absent."),
            F("timeout", Scalar(ScalarKind.Duration), doc: "How long the command may run; then its whole process group is killed. Or the step's `timeout`."),
            F("exit_codes", List(Int(min: 0), single: true), doc: "Exit codes that count as success; 0 when absent.")) with
        { ShortKey = "command" },
            doc: "Run a command: a shell command line, or a mapping."),
        F("http", Obj<HttpRequest>("An HTTP request.",
            F("url", Url("http", "https"), required: true),
            F("method", Enum("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"), doc: "GET when absent."),
            F("headers", new MapShape(Str(), "header name")),
            F("body", Str()),
            F("expect", List(Scalar(ScalarKind.Condition), single: true), doc: "Gatus-style conditions, as a check's `expect`; a 2xx status when absent.")) with
        { ShortKey = "url" },
            doc: "Send an HTTP request and judge the answer: a URL, or a mapping."),
        F("wait_for", Obj<WaitFor>("Wait for a check to pass.",
            F("check", RefTo(NameKind.Check), required: true), F("timeout", Scalar(ScalarKind.Duration), def: "5m")) with
        { ShortKey = "check" },
            doc: "Wait until a check of the plan passes: its name, or a mapping."),
        F("backup", RefTo(NameKind.BackupJob), doc: "Take a backup of this job now."),
        F("restore", Obj<BackupRestore>("Restore a backup.",
            F("backup", RefTo(NameKind.BackupJob), required: true),
            F("from", Str(), def: "latest", doc: "Which backup: latest, latest_verified, or a backup id (`jaga backup list`)."),
            F("into", Str(), required: true, doc: "A SQLite file, a database URL (its password is masked like every URL's), or a folder for files.")),
            doc: "Restore a backup of a job into a target."),
        F("notify", Obj<NotifyTarget>("Whom to tell, and what.",
            F("channel", RefTo(NameKind.Channel), doc: "A channel of `notify:`."),
            F("contact", RefTo(NameKind.Contact), doc: "A contact of `emergency.contacts`."),
            F("message", Str(), doc: "The message; the runbook's name and the step when absent." + TextNote)) with
        { OneOf = ["channel", "contact"], ShortKey = "channel" },
            doc: "Send a message: a channel's name, or a mapping."),
        F("approve", Obj<Approval>("An approval.",
            F("prompt", Str(), required: true, doc: "The question asked."),
            F("approvals", Int(min: 1), def: "1", doc: "How many different people must approve.")) with
        { ShortKey = "prompt" },
            doc: "Pause until approved: the question, or a mapping."),
        F("log", Obj<LogMessage>("A maintenance-log line.",
            F("level", Enum("INFO", "WARN", "ERROR"), def: "INFO"),
            F("message", Str(), required: true, doc: "The line." + TextNote)) with
        { ShortKey = "message" },
            doc: "Write a line to the maintenance log: the message, or a mapping."),
        F("sleep", Scalar(ScalarKind.Duration), doc: "Wait this long."),
        F("timeout", Scalar(ScalarKind.Duration), doc: "How long the step may take; the runbook's `timeout` when absent."),
        F("on_failure", Scalar(ScalarKind.OnFailure), def: "stop", doc: "When the step fails: stop the runbook, continue with the next step, or `runbook NAME` (e.g. a rollback), then stop.")) with
    {
        OneOf = ["run", "http", "wait_for", "backup", "restore", "notify", "approve", "log", "sleep"],
        Variants = Kinds(
            ("run", typeof(CommandStep)), ("http", typeof(HttpStep)), ("wait_for", typeof(WaitStep)), ("backup", typeof(BackupStep)),
            ("restore", typeof(RestoreBackupStep)), ("notify", typeof(NotifyStep)), ("approve", typeof(ApprovalStep)), ("log", typeof(LogStep)),
            ("sleep", typeof(SleepStep))),
    };
}
