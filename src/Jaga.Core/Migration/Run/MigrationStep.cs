namespace Jaga.Core.Migration.Run;

/// <summary>The steps of <c>jaga migrate run</c>, in the order they run: the seed's four (export, import, the env file,
/// the integration tests) with the verification of the fourth as a step of its own.</summary>
public enum MigrationStep
{
    /// <summary>The source database to CSV files and a manifest.</summary>
    Export,

    /// <summary>The CSV files into the target PostgreSQL.</summary>
    Import,

    /// <summary>The plan's <c>migration.env</c> keys written into <c>migration.env_file</c>.</summary>
    Env,

    /// <summary>The plan's <c>migration.test</c> command.</summary>
    Test,

    /// <summary>Row counts and canonical content hashes of the target against the export's manifest.</summary>
    Verify,
}
