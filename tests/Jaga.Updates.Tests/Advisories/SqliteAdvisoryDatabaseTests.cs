using Jaga.Core.Errors;
using Jaga.Core.Updates;
using Jaga.Core.Updates.Advisories;
using Jaga.Engine.Updates.Advisories;
using Jaga.Sqlite.Advisories;
using Jaga.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Jaga.Updates.Tests.Advisories;

/// <summary>The SQLite advisory database over zips built from real OSV documents: what an import keeps, how it is found
/// again, and that an import replaces its ecosystem's data whole or not at all.</summary>
public sealed class SqliteAdvisoryDatabaseTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-osv-db-").FullName;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));

    private string DbPath => Path.Combine(dir, ".jaga", "advisories.db");

    public void Dispose() => FixtureFolders.TryDelete(dir);

    private Task<SqliteAdvisoryDatabase> OpenAsync() => SqliteAdvisoryDatabase.OpenAsync(DbPath, clock);

    private static Task<AdvisoryImport?> ImportAsync(SqliteAdvisoryDatabase db, string zip) =>
        db.ImportAsync(OsvArchive.Read(zip, zip), zip, CancellationToken.None);

    [Fact]
    public async Task An_import_keeps_the_advisories_and_finds_them_by_name_the_ecosystems_way()
    {
        var zip = OsvZips.Write(dir, "npm.zip", OsvFiles.LodashPollution, OsvFiles.LodashRedos);
        var db = await OpenAsync();

        var import = await ImportAsync(db, zip);
        var lodash = await db.ForPackagesAsync(Ecosystem.Npm, ["lodash", "left-pad"], CancellationToken.None);
        var nuget = await db.ForPackagesAsync(Ecosystem.NuGet, ["lodash"], CancellationToken.None);

        Assert.Equal(new AdvisoryImport(Ecosystem.Npm, clock.GetUtcNow(), zip, 2), import!);
        Assert.Equal([OsvFiles.LodashRedos, OsvFiles.LodashPollution], lodash.Select(a => a.Id));
        // Only the asked package's entry comes back, with what matching needs.
        Assert.All(lodash, a => Assert.Equal("lodash", Assert.Single(a.Affected).Name));
        Assert.Equal(Severity.Moderate, lodash[0].Severity);
        Assert.Equal(["CVE-2020-28500"], lodash[0].Aliases);
        Assert.Empty(nuget);
        Assert.Equal([import!], await db.ImportsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task NuGet_names_match_without_case_and_PyPI_names_by_PEP_503()
    {
        var db = await OpenAsync();
        await ImportAsync(db, OsvZips.Write(dir, "nuget.zip", OsvFiles.NewtonsoftJson));
        await ImportAsync(db, OsvZips.Write(dir, "pypi.zip", OsvFiles.Requests, OsvFiles.Numpy));

        var nuget = await db.ForPackagesAsync(Ecosystem.NuGet, ["NEWTONSOFT.JSON"], CancellationToken.None);
        var pypi = await db.ForPackagesAsync(Ecosystem.PyPI, ["NumPy", "Requests"], CancellationToken.None);
        var npm = await db.ForPackagesAsync(Ecosystem.Npm, ["Lodash"], CancellationToken.None);

        Assert.Equal(OsvFiles.NewtonsoftJson, Assert.Single(nuget).Id);
        Assert.Equal([OsvFiles.Numpy, OsvFiles.Requests], pypi.Select(a => a.Id));
        Assert.Empty(npm);
        Assert.Equal([Ecosystem.NuGet, Ecosystem.PyPI], (await db.ImportsAsync(CancellationToken.None)).Select(i => i.Ecosystem).Order());
    }

    [Fact]
    public async Task A_withdrawn_advisory_is_not_kept()
    {
        var db = await OpenAsync();

        var import = await ImportAsync(db, OsvZips.Write(dir, "pypi.zip", OsvFiles.Numpy, OsvFiles.NumpyWithdrawn));
        var numpy = await db.ForPackagesAsync(Ecosystem.PyPI, ["numpy"], CancellationToken.None);

        Assert.Equal(1, import!.Advisories);
        Assert.Equal(OsvFiles.Numpy, Assert.Single(numpy).Id);
    }

    [Fact]
    public async Task A_new_import_replaces_its_ecosystems_data_and_leaves_the_others()
    {
        var db = await OpenAsync();
        await ImportAsync(db, OsvZips.Write(dir, "nuget.zip", OsvFiles.NewtonsoftJson));
        await ImportAsync(db, OsvZips.Write(dir, "npm-1.zip", OsvFiles.LodashPollution, OsvFiles.LodashRedos));
        clock.Advance(TimeSpan.FromDays(1));

        var again = await ImportAsync(db, OsvZips.Write(dir, "npm-2.zip", OsvFiles.LodashRedos));
        var lodash = await db.ForPackagesAsync(Ecosystem.Npm, ["lodash"], CancellationToken.None);
        var imports = await db.ImportsAsync(CancellationToken.None);

        Assert.Equal(OsvFiles.LodashRedos, Assert.Single(lodash).Id);
        Assert.Equal(OsvFiles.NewtonsoftJson, Assert.Single(await db.ForPackagesAsync(Ecosystem.NuGet, ["Newtonsoft.Json"], CancellationToken.None)).Id);
        Assert.Equal(clock.GetUtcNow(), imports.Single(i => i.Ecosystem == Ecosystem.Npm).ImportedAt);
        Assert.Equal((1, clock.GetUtcNow()), (again!.Advisories, again.ImportedAt));
        Assert.Equal(2, imports.Count);
    }

    [Fact]
    public async Task A_damaged_zip_or_a_bad_document_leaves_the_previous_data()
    {
        var db = await OpenAsync();
        var first = await ImportAsync(db, OsvZips.Write(dir, "npm.zip", OsvFiles.LodashPollution));
        var good = File.ReadAllBytes(OsvZips.Write(dir, "npm-2.zip", OsvFiles.LodashRedos, OsvFiles.LodashPollution));
        var truncated = Path.Combine(dir, "truncated.zip");
        File.WriteAllBytes(truncated, good[..(good.Length / 2)]);
        // The second entry is not JSON: the first was already written when the import fails.
        var bad = OsvZips.WriteEntries(dir, "bad.zip", ("GHSA-29mw-wpgm-hmr9.json", OsvFiles.Text(OsvFiles.LodashRedos)), ("broken.json", "{\"id\": "));
        var text = Path.Combine(dir, "notes.zip");
        File.WriteAllText(text, "these are notes, not a zip");

        var notZip = await Assert.ThrowsAsync<UserException>(() => ImportAsync(db, truncated));
        var notOsv = await Assert.ThrowsAsync<UserException>(() => ImportAsync(db, bad));
        await Assert.ThrowsAsync<UserException>(() => ImportAsync(db, text));

        Assert.Contains("is not a zip file", notZip.Message, StringComparison.Ordinal);
        Assert.Contains($"{bad}: broken.json is not an OSV advisory", notOsv.Message, StringComparison.Ordinal);
        Assert.Equal(OsvFiles.LodashPollution, Assert.Single(await db.ForPackagesAsync(Ecosystem.Npm, ["lodash"], CancellationToken.None)).Id);
        Assert.Equal([first!], await db.ImportsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_zip_naming_no_ecosystem_Jaga_reads_changes_nothing()
    {
        var db = await OpenAsync();
        await ImportAsync(db, OsvZips.Write(dir, "nuget.zip", OsvFiles.NewtonsoftJson));
        var rubygems = OsvZips.WriteEntries(dir, "rubygems.zip",
            ("X.json", """{"id":"GHSA-x","affected":[{"package":{"ecosystem":"RubyGems","name":"lodash-rails"}}]}"""));

        Assert.Null(await ImportAsync(db, rubygems));
        Assert.Single(await db.ImportsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_damaged_database_file_is_a_user_error_with_the_fix()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DbPath)!);
        File.WriteAllText(DbPath, new string('x', 8192));

        var e = await Assert.ThrowsAsync<UserException>(OpenAsync);

        Assert.Contains(DbPath, e.Message, StringComparison.Ordinal);
        Assert.Contains($"rm {DbPath}", e.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Looking_up_many_names_at_once_finds_each_and_repeats_none()
    {
        var db = await OpenAsync();
        await ImportAsync(db, OsvZips.Write(dir, "npm.zip", OsvFiles.LodashPollution, OsvFiles.LodashRedos));
        var names = Enumerable.Range(0, 1200).Select(i => $"package-{i}").Append("lodash").Append("lodash-es").ToList();

        var found = await db.ForPackagesAsync(Ecosystem.Npm, names, CancellationToken.None);

        Assert.Equal([OsvFiles.LodashRedos, OsvFiles.LodashPollution], found.Select(a => a.Id));
        Assert.All(found, a => Assert.Equal(["lodash", "lodash-es"], a.Affected.Select(p => p.Name)));
    }
}
