using Jaga.Core.Env;

namespace Jaga.Core.Migration.Run;

/// <summary>What a <c>jaga migrate run</c> did, written beside its export as <c>migration-receipt.md</c> and
/// <c>migration-receipt.json</c> and sealed in a signed audit checkpoint: counts and hashes on both sides, the env keys
/// changed (hashes, never values), the test outcome, and every step.</summary>
/// <param name="Project">The plan's project.</param>
/// <param name="From">The source database, password masked.</param>
/// <param name="To">The target database, password masked.</param>
/// <param name="StartedAt">When the run began.</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="By">Who ran it (user@host).</param>
/// <param name="Folder">The export folder, as the plan names it.</param>
/// <param name="FailedAt">The step that failed; null when all succeeded.</param>
/// <param name="Reason">Why it failed; null when it did not.</param>
/// <param name="Tables">Each table: the export's side (manifest) and, once verified, the target's.</param>
/// <param name="EnvFile">The env file the env step wrote; null when nothing was to be set.</param>
/// <param name="EnvKeys">The keys it set, with their values' SHA-256.</param>
/// <param name="Test">The integration tests' outcome; null when the plan names none or the run stopped before.</param>
/// <param name="Steps">Every step that ran, in order.</param>
public sealed record MigrationReceipt(
    string Project,
    string From,
    string To,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    string By,
    string Folder,
    MigrationStep? FailedAt,
    string? Reason,
    IReadOnlyList<ReceiptTable> Tables,
    string? EnvFile,
    IReadOnlyList<EnvKeyChange> EnvKeys,
    ReceiptTest? Test,
    IReadOnlyList<ReceiptStep> Steps)
{
    /// <summary>The format written in the JSON's <c>format</c> field.</summary>
    public const string CurrentFormat = "jaga-migration-receipt/1";

    /// <summary>The Markdown file's name inside the export folder.</summary>
    public const string MarkdownFile = "migration-receipt.md";

    /// <summary>The JSON file's name inside the export folder.</summary>
    public const string JsonFile = "migration-receipt.json";

    /// <summary>The checkpoint file the run's seal is also written to, inside the export folder.</summary>
    public const string CheckpointFile = "migration-checkpoint.json";

    public bool Succeeded => FailedAt is null;
}
