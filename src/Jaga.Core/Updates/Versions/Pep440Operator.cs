namespace Jaga.Core.Updates.Versions;

/// <summary>The comparison of a PEP 440 version specifier.</summary>
public enum Pep440Operator
{
    /// <summary><c>~=V</c>: at least V, within V's release without its last number (<c>~=1.4.2</c> is 1.4.*).</summary>
    Compatible,

    /// <summary><c>==V</c>, or <c>==V.*</c> for every version whose release starts with V's.</summary>
    Equal,

    /// <summary><c>!=V</c> or <c>!=V.*</c>.</summary>
    NotEqual,

    /// <summary><c>&lt;=V</c>.</summary>
    LessOrEqual,

    /// <summary><c>&gt;=V</c>.</summary>
    GreaterOrEqual,

    /// <summary><c>&lt;V</c>: below V and, unless V is a pre-release, not one of V's own pre-releases.</summary>
    Less,

    /// <summary><c>&gt;V</c>: above V and, unless V is a post-release, not one of V's own post-releases.</summary>
    Greater,

    /// <summary><c>===V</c>: the version written exactly so (letter case aside).</summary>
    Arbitrary,
}
