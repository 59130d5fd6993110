using Jaga.Core.Adapters;

namespace Jaga.Engine.Migration.Verify;

/// <summary><c>jaga migrate verify</c>: per-table row counts and canonical content hashes of a source (a database, or an
/// export's manifest and CSV files) and a target PostgreSQL, read with the source's PostgreSQL types on both sides.</summary>
public static class MigrationVerify
{
    /// <summary>Compares the tables; differing ones carry a few sample keys. Bad input is a
    /// <see cref="Core.Errors.UserException"/>; a difference is not an exception (see <see cref="MigrationVerifyResult.Equal"/>).
    /// The act is recorded in <see cref="MigrationContext.Journal"/>.</summary>
    public static Task<MigrationVerifyResult> RunAsync(AdapterSet adapters, MigrationVerifyRequest request, MigrationContext context, CancellationToken ct) =>
        throw new NotImplementedException("being written on branch s10-export");
}
