namespace Jaga.Core.Emergency;

/// <summary>A step's text with every <c>${…}</c> filled in, for the step to use and never to store: <paramref name="Secrets"/>
/// are the secret values that went into it, for the executor to mask in whatever it shows or keeps.</summary>
public sealed record ResolvedText(string Value, IReadOnlyList<string> Secrets);
