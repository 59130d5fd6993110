namespace Jaga.Core.Interpolation;

/// <summary>One assignment of an env file: its key and the lines (1-based, inclusive) its text spans; more than one for a
/// double-quoted value written over several lines.</summary>
public sealed record EnvFileEntry(string Key, int Line, int LastLine);
