using Jaga.Core.Plan;
using Jaga.Core.Backup;

namespace Jaga.Core.Tests.Backup;

public sealed class ArtifactNameTests
{
    private static readonly TimeZoneInfo Jakarta = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    // 2025-11-14 19:00 UTC is 2025-11-15 02:00 in Jakarta: the date is the plan's, not UTC's.
    private static readonly DateTimeOffset Started = new(2025, 11, 14, 19, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(".sql", Compression.None, false, ".sql")]
    [InlineData(".sql", Compression.Zstd, false, ".sql.zst")]
    [InlineData(".sql", Compression.Zstd, true, ".sql.zst.age")]
    [InlineData(".tar", Compression.Zstd, false, ".tar.zst")]
    [InlineData(".db", Compression.Gzip, true, ".db.gz.age")]
    public void The_extension_follows_the_pipeline(string source, Compression compress, bool encrypted, string expected) =>
        Assert.Equal(expected, ArtifactName.Extension(source, compress, encrypted));

    [Fact]
    public void The_seed_s_name_comes_from_the_template_in_the_plan_s_zone() =>
        Assert.Equal("db_2025-11-15.sql", ArtifactName.Choose("db_{date}", "db", ".sql", Started, Jakarta, _ => false));

    [Fact]
    public void The_default_template_uses_the_job_name() =>
        Assert.Equal("uploads_2025-11-15.tar.zst", ArtifactName.Choose("{name}_{date}", "uploads", ".tar.zst", Started, Jakarta, _ => false));

    [Fact]
    public void A_template_naming_the_source_extension_does_not_get_it_twice() =>
        Assert.Equal("db_2025-11-15.sql.zst", ArtifactName.Choose("db_{date}.sql", "db", ".sql.zst", Started, Jakarta, _ => false));

    [Fact]
    public void A_second_run_the_same_day_gets_a_time_suffix_and_never_overwrites()
    {
        var taken = new HashSet<string> { "db_2025-11-15.sql.zst" };
        Assert.Equal("db_2025-11-15_020000.sql.zst", ArtifactName.Choose("db_{date}", "db", ".sql.zst", Started, Jakarta, taken.Contains));
        taken.Add("db_2025-11-15_020000.sql.zst");
        Assert.Equal("db_2025-11-15_020000-2.sql.zst", ArtifactName.Choose("db_{date}", "db", ".sql.zst", Started, Jakarta, taken.Contains));
    }

    [Theory]
    [InlineData("{name}_{date}", 0)]
    [InlineData("{name}_{date}_{time}", 0)]
    [InlineData("{name}_{day}", 1)]
    [InlineData("backup/{name}", 1)]
    [InlineData(".{name}", 1)]
    [InlineData("  ", 1)]
    public void Templates_are_checked(string template, int problems) =>
        Assert.Equal(problems, ArtifactName.Problems(template).Count);

    [Fact]
    public void Manifests_are_named_beside_their_artifact()
    {
        Assert.Equal("db_2025-11-15.sql.zst.manifest.json", ArtifactName.ManifestOf("db_2025-11-15.sql.zst"));
        Assert.Equal("db_2025-11-15.sql.zst", ArtifactName.ArtifactOf("db_2025-11-15.sql.zst.manifest.json"));
        Assert.Null(ArtifactName.ArtifactOf("db_2025-11-15.sql.zst"));
    }
}
