using Jaga.Core.Adapters;
using Jaga.Core.Errors;
using Jaga.Core.Migration;
using Jaga.Engine.Files;

namespace Jaga.Engine.Migration;

/// <summary>Opens the database a URL names through the adapter that serves it, after the checks no adapter can make
/// without blocking: a <c>sqlite:</c> path that is a FIFO or a device is refused before anything opens it.</summary>
internal static class MigrationSources
{
    public static Task<IMigrationSource> OpenAsync(AdapterSet adapters, string url, CancellationToken ct)
    {
        if (url.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = url["sqlite:".Length..].Trim();
            // A folder is the adapter's to refuse, with its own words; only what would block is refused here.
            if (path.Length > 0 && !Directory.Exists(path) && InputFile.Kind(Path.GetFullPath(path)) is { } kind)
                throw new UserException($"{path} is {kind}, not a SQLite database file", "name the application's database file after sqlite:");
        }
        return adapters.OpenMigrationSourceAsync(url, ct);
    }
}
