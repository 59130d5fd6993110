namespace Jaga.Core.Crypto;

/// <summary>One recipient stanza of an age header: <c>-> type arg…</c> and a body.</summary>
public sealed record AgeStanza(string Type, IReadOnlyList<string> Arguments, byte[] Body);
