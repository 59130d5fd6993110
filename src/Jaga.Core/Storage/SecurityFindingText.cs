using Jaga.Core.Ports;
using Jaga.Core.Updates.Advisories;

namespace Jaga.Core.Storage;

/// <summary>How both stores write a security finding's source and severity: lower-case words, read back strictly.</summary>
public static class SecurityFindingText
{
    public static string ToText(this SecurityFindingSource source) => source switch
    {
        SecurityFindingSource.Dependency => "dependency",
        SecurityFindingSource.OsPackage => "os",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    public static SecurityFindingSource ParseSource(string text) => text switch
    {
        "dependency" => SecurityFindingSource.Dependency,
        "os" => SecurityFindingSource.OsPackage,
        _ => throw new FormatException($"not a security finding source: '{text}'"),
    };

    public static string SeverityText(Severity severity) => StoredWord.Text(severity);

    public static Severity ParseSeverity(string text) => StoredWord.Parse<Severity>(text);

    /// <summary>Checks a reading before it is stored: a source needs its scope said (empty for the project), every finding its
    /// package, version and advisory.</summary>
    public static void Validate(SecurityReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(reading.Scope);
        foreach (var f in reading.Findings)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(f.Ecosystem);
            ArgumentException.ThrowIfNullOrWhiteSpace(f.Package);
            ArgumentException.ThrowIfNullOrWhiteSpace(f.Advisory);
            ArgumentNullException.ThrowIfNull(f.Version);
        }
    }
}
