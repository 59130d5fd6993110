namespace Jaga.Core.Conditions;

/// <summary>What a named value of a probe is: text (<c>[IP]</c>), a count (<c>[OVERDUE]</c>) or a duration in milliseconds
/// (<c>[DOMAIN_EXPIRATION]</c>, shown as one).</summary>
internal enum NamedValueKind
{
    Text,
    Number,
    Duration,
}
