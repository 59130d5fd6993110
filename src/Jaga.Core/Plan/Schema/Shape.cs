using Jaga.Core.Plan.Yaml;

namespace Jaga.Core.Plan.Schema;

/// <summary>The shape of a part of the plan: drives validation, the JSON Schema and the docs, so the three cannot drift.</summary>
public abstract record Shape
{
    public string? Description { get; init; }
}

/// <summary>A mapping with known keys. <see cref="OneOf"/> lists keys of which exactly one must be present (the kind of a thing).</summary>
public sealed record ObjectShape(IReadOnlyList<Field> Fields) : Shape
{
    public IReadOnlyList<string> OneOf { get; init; } = [];

    /// <summary>Keys of which at least one must be present.</summary>
    public IReadOnlyList<string> AnyOf { get; init; } = [];

    /// <summary>The record the object is bound to, so a test can check that every key has a property.</summary>
    public Type? Model { get; init; }

    /// <summary>For a kind of thing (<see cref="OneOf"/>): the sealed subtype of <see cref="Model"/> each kind key binds to,
    /// e.g. <c>s3</c> → <c>S3Store</c>. The fields stay shared, so validation and the JSON Schema see one object.</summary>
    public IReadOnlyDictionary<string, Type> Variants { get; init; } = new Dictionary<string, Type>();

    /// <summary>A single value may stand for the whole mapping: it is the value of this key (<c>notify: oncall</c> is
    /// <c>notify: { channel: oncall }</c>). Validation, binding and the references read the short form as the mapping.</summary>
    public string? ShortKey { get; init; }

    /// <summary>The mapping a short form stands for; any other node as it is.</summary>
    public PNode Expanded(PNode node) =>
        ShortKey is { } key && node is PScalar { IsNull: false } scalar ? new PMap(scalar.Mark, [new PEntry(key, scalar.Mark, scalar)]) : node;

    public Field? Find(string key) => Fields.FirstOrDefault(f => f.Name == key || f.Aliases.Contains(key));
}

public sealed record Field(string Name, Shape Shape, bool Required = false)
{
    public string? Description { get; init; }

    /// <summary>The value used when the key is absent, written as a user would write it.</summary>
    public string? Default { get; init; }

    /// <summary>Old names still accepted after a rename (documented in docs/plan.md).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

public sealed record ListShape(Shape Item) : Shape
{
    /// <summary>A single item may be written without the list brackets.</summary>
    public bool AllowSingle { get; init; }

    /// <summary>The items are objects whose <c>name</c> gives a name of this kind, unique in the list.</summary>
    public NameKind? Names { get; init; }
}

/// <summary>A mapping whose keys are user-chosen names (destinations, notify channels, disk mounts).</summary>
public sealed record MapShape(Shape Value, string KeyMeaning) : Shape
{
    /// <summary>The keys are names of this kind.</summary>
    public NameKind? Names { get; init; }
}

public enum ScalarKind
{
    String,
    Name,
    Integer,
    Boolean,
    Duration,
    Size,
    Threshold,
    Cron,
    TimeZone,
    Url,
    Enum,
    Path,
    HostPort,
    Condition,

    /// <summary>Any one value, read as text: a word, a number or true/false (a runbook parameter's default).</summary>
    Value,

    /// <summary>A calendar day, YYYY-MM-DD.</summary>
    Date,

    /// <summary>What a runbook does when a step fails: <c>stop</c>, <c>continue</c> or <c>runbook NAME</c>.</summary>
    OnFailure,
}

public sealed record ScalarShape(ScalarKind Kind) : Shape
{
    public IReadOnlyList<string> Values { get; init; } = [];

    public IReadOnlyList<string> Schemes { get; init; } = [];

    /// <summary>The value is a credential: never printed, logged or stored in clear.</summary>
    public bool Secret { get; init; }

    public int Minimum { get; init; }

    /// <summary>The value names a thing of this kind, given elsewhere in the plan.</summary>
    public NameKind? RefersTo { get; init; }
}

/// <summary>Either of several shapes, tried in order (e.g. <c>manifests: auto</c> or a list of paths).</summary>
public sealed record UnionShape(IReadOnlyList<Shape> Options) : Shape;

/// <summary>The kinds of names one part of the plan gives and another part uses. The schema marks where each kind is
/// given (<see cref="ListShape.Names"/>, <see cref="MapShape.Names"/>) and where it is used
/// (<see cref="ScalarShape.RefersTo"/>); <see cref="PlanReferences"/> checks the uses from those marks alone.</summary>
public enum NameKind
{
    Destination,
    Channel,
    Check,
    Runbook,
    BackupJob,
    MaintenanceWindow,
    Contact,
}
