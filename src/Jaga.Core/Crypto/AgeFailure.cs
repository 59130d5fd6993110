namespace Jaga.Core.Crypto;

/// <summary>What kind of failure an <see cref="AgeException"/> is, as age's conformance vectors tell them apart: a
/// lower-level failure (a malformed header) must not be reported as a higher-level one (a wrong key).</summary>
public enum AgeFailure
{
    /// <summary>The header (or the payload nonce after it) is not what age writes: a damaged file, or not an age file.</summary>
    Header,

    /// <summary>The header parses and a key opens it, but its MAC does not match: the header was altered.</summary>
    HeaderMac,

    /// <summary>The header parses, but none of the given identities or passphrases opens any of its stanzas.</summary>
    NoMatch,

    /// <summary>The payload does not decrypt all the way to its end: altered, cut short, or with data after its end.</summary>
    Payload,

    /// <summary>The ASCII armor (<c>-----BEGIN AGE ENCRYPTED FILE-----</c>) is not the strict form age writes.</summary>
    Armor,
}
