using Jaga.Core.Migration;

namespace Jaga.Migration.Tests;

public sealed class ExportManifestJsonTests
{
    private static readonly ExportManifest Sample = new(ExportManifest.CurrentFormat, "sqlite:starter/app.db", "sqlite",
        new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(7)), "0.9.0",
        [new ManifestTable("customers", "customers.csv", [new ManifestColumn("id", "INTEGER", "bigint", false, true)], ["id"], [], [], 2,
            new string('a', 64), new string('b', 64))]);

    [Fact]
    public void A_manifest_reads_back_as_it_was_written_in_snake_case()
    {
        var text = ExportManifestJson.Write(Sample);
        Assert.Contains("\"content_sha256\"", text, StringComparison.Ordinal);
        Assert.Contains("\"pg_type\": \"bigint\"", text, StringComparison.Ordinal);
        var back = ExportManifestJson.TryRead(text, out var problem);
        Assert.Null(problem);
        Assert.Equal(Sample.Tables[0].Columns[0], back!.Tables[0].Columns[0]);
        Assert.Equal(Sample.ExportedAt, back.ExportedAt);
    }

    [Theory]
    [InlineData("{\"format\": \"other/1\"}", "not a Jaga export manifest")]
    [InlineData("not json", "not a Jaga export manifest")]
    [InlineData("{\"format\": \"jaga-migrate-export/1\"}", "not a Jaga export manifest")]
    public void Text_that_is_not_a_manifest_is_refused_with_a_reason(string text, string reason)
    {
        Assert.Null(ExportManifestJson.TryRead(text, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("sub/customers.csv")]
    [InlineData(".hidden.csv")]
    public void A_table_file_outside_the_export_folder_is_refused(string file)
    {
        var escaping = Sample with { Tables = [Sample.Tables[0] with { File = file }] };
        Assert.Null(ExportManifestJson.TryRead(ExportManifestJson.Write(escaping), out var problem));
        Assert.Contains("outside the export folder", problem, StringComparison.Ordinal);
    }
}
