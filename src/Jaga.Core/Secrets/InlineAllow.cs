namespace Jaga.Core.Secrets;

/// <summary>A line that says its secret is known and accepted: <c>jaga:allow</c> anywhere on it (in a comment of the
/// file's language), or gitleaks' own <c>gitleaks:allow</c>, so a repository already marked for gitleaks reads the same.</summary>
public static class InlineAllow
{
    public const string Marker = "jaga:allow";

    public static bool On(ReadOnlySpan<char> line) =>
        line.Contains(Marker, StringComparison.Ordinal) || line.Contains("gitleaks:allow", StringComparison.Ordinal);
}
