using Jaga.Core.Plan;
using Jaga.Core.Backup;

namespace Jaga.Core.Tests.Backup;

public sealed class ManifestJsonTests
{
    internal static BackupManifest Sample() => new(
        BackupManifest.CurrentFormat, "20251115T020000Z-db-1a2b", "db", "db_2025-11-15.sql.zst.age",
        new ManifestSource(SourceKind.Postgres, "15.8", DumpFormat.Plain), new Dictionary<string, string> { ["pg_dump"] = "15.8" },
        new DateTimeOffset(2025, 11, 14, 19, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 11, 14, 19, 0, 42, TimeSpan.Zero),
        1234, new string('a', 64), Compression.Zstd, new ManifestEncryption(ManifestEncryption.Age, ["age1abc"], false),
        new Dictionary<string, long> { ["public.orders"] = 42 }, "0.2.0");

    [Fact]
    public void A_manifest_round_trips_as_snake_case_json()
    {
        var text = ManifestJson.Write(Sample());
        Assert.Contains("\"jaga_version\": \"0.2.0\"", text, StringComparison.Ordinal);
        Assert.Contains("\"server_version\": \"15.8\"", text, StringComparison.Ordinal);
        var back = ManifestJson.TryRead(text, out var problem);
        Assert.Null(problem);
        Assert.NotNull(back);
        Assert.Equal(42, back.Tables["public.orders"]);
        Assert.Equal(["age1abc"], back.Encryption!.Recipients);
        Assert.Equal(Sample().Started, back.Started);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"format\": \"other/1\"}")]
    [InlineData("[]")]
    public void Text_that_is_not_a_manifest_is_refused_with_a_reason(string text)
    {
        Assert.Null(ManifestJson.TryRead(text, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void Kinds_are_written_in_the_plan_s_words_and_a_manifest_without_a_dump_format_reads_back()
    {
        var text = ManifestJson.Write(Sample());
        Assert.Contains("\"compression\": \"zstd\"", text, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"postgres\"", text, StringComparison.Ordinal);
        Assert.Contains("\"format\": \"plain\"", text, StringComparison.Ordinal);

        // As manifests of files backups have always been written: no dump format.
        var files = ManifestJson.Write(Sample() with { Source = new ManifestSource(SourceKind.Files, null, null), Compression = Compression.Gzip });
        Assert.Contains("\"compression\": \"gzip\"", files, StringComparison.Ordinal);
        var back = ManifestJson.TryRead(files, out var problem);
        Assert.Null(problem);
        Assert.Equal((SourceKind.Files, (DumpFormat?)null, Compression.Gzip), (back!.Source.Kind, back.Source.Format, back.Compression));
    }

    [Fact]
    public void A_manifest_with_a_bad_checksum_is_refused()
    {
        var text = ManifestJson.Write(Sample() with { Sha256 = "XYZ" });
        Assert.Null(ManifestJson.TryRead(text, out var problem));
        Assert.Contains("sha256", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_armored_artifact_is_recorded_and_a_manifest_from_before_armor_reads_as_not_armored()
    {
        var armored = Sample() with { Encryption = new ManifestEncryption(ManifestEncryption.Age, ["age1abc"], false, Armored: true) };
        var text = ManifestJson.Write(armored);
        Assert.Contains("\"armored\": true", text, StringComparison.Ordinal);
        Assert.True(ManifestJson.TryRead(text, out _)!.Encryption!.Armored);
        var before = text.Replace(",\n    \"armored\": true", "", StringComparison.Ordinal);
        Assert.DoesNotContain("armored", before, StringComparison.Ordinal);
        Assert.False(ManifestJson.TryRead(before, out var problem)!.Encryption!.Armored, problem);
    }
}
