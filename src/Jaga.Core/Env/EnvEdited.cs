namespace Jaga.Core.Env;

/// <summary>An env file's new text and what each key set did to it, in the order the keys were given.</summary>
public sealed record EnvEdited(string Text, IReadOnlyList<EnvKeyChange> Changes);
