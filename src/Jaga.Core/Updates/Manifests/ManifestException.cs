using Jaga.Core.Errors;

namespace Jaga.Core.Updates.Manifests;

/// <summary>A manifest that cannot be read as its kind, or a declaration that cannot be edited: the message starts with
/// the file and, when known, the line (<c>src/App/App.csproj:12: …</c>); the hint says what to do.</summary>
public sealed class ManifestException(string path, int? line, string problem, string? hint = null)
    : UserException(line is { } l ? $"{path}:{l}: {problem}" : $"{path}: {problem}", hint)
{
    /// <summary>The manifest, relative to the project root.</summary>
    public string Path { get; } = path;

    /// <summary>The 1-based line the problem is on, when the parser tells it.</summary>
    public int? Line { get; } = line;
}
