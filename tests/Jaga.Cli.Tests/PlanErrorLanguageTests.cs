namespace Jaga.Cli.Tests;

/// <summary>An invalid plan's errors and hints are worded in the language the user reads: <c>--lang</c>, else the plan's own
/// <c>language:</c> as written, else English. Keys, paths and values quoted from the plan stay as written.</summary>
public sealed class PlanErrorLanguageTests
{
    private const string Plan = """
        version: 1
        projct: toko
        timezone: Asia/Jakarte
        {0}
        log:
          file: logs/maintenance.log
          rotate: { max_size: lots, rotate_every: often, compress: zip, count: 0 }
        destinations:
          local: { path: "${JAGA_TEST_NEVER_SET_VARIABLE}/backup" }
        backup:
          - name: db
            source: { sqlite: data/app.db }
            schedule: "0 2 * * *"
            to: [locl]
          - name: db
            schedule: "@sometimes"
            to: [local]
        monitoring:
          checks:
            - name: nightly
              heartbeat: { every: 1x, grace: 10m }
            - name: db-fresh
              backup: dbx
              max_age: 26h
        """;

    /// <summary>English phrases of plan errors that an Indonesian reader must not meet.</summary>
    private static readonly string[] English =
    [
        "unknown key", "is required", "missing required", "did you mean", "not a duration", "not a size", "not a known time zone",
        "not one of", "too small", "already used", "not set", "unknown destination", "unknown backup job", "not a schedule",
        "give each entry", "write a number", "unknown macro", "problem(s) found", "export JAGA_TEST_NEVER_SET_VARIABLE=… or add",
    ];

    [Theory]
    [InlineData("language: id", new string[0])]
    [InlineData("language: en", new[] { "--lang", "id" })]
    public async Task Validate_words_every_common_plan_error_and_hint_in_Indonesian(string language, string[] lang)
    {
        using var ws = new Workspace(Plan.Replace("{0}", language, StringComparison.Ordinal));

        var r = await ws.Jaga(["validate", .. lang]);

        Assert.Equal(2, r.Code);
        string[] expected =
        [
            "jaga.yaml:2:1: kunci 'projct' tidak dikenal (maksud Anda 'project'?)",
            "kunci wajib 'project' tidak ada (tambahkan 'project: …')",
            "jaga.yaml:3:11: timezone: 'Asia/Jakarte' bukan zona waktu yang dikenal (maksud Anda 'Asia/Jakarta'?)",
            "log.rotate.max_size: 'lots' bukan ukuran (tulis angka dan satuan",
            "log.rotate.rotate_every: 'often' bukan durasi (tulis angka dan satuan (ms, s, m, h, d, w)",
            "log.rotate.compress: 'zip' bukan salah satu dari none, gzip, zstd",
            "log.rotate.count: 0 terlalu kecil (pakai 1 atau lebih)",
            "destinations.local.path: variabel JAGA_TEST_NEVER_SET_VARIABLE belum diatur (export JAGA_TEST_NEVER_SET_VARIABLE=… atau tambahkan",
            "backup[0].to: tujuan 'locl' tidak dikenal (maksud Anda 'local'?)",
            "backup[1].name: 'db' sudah dipakai entri lain (beri setiap entri namanya sendiri)",
            "backup[1]: kunci wajib 'source' tidak ada",
            "backup[1].schedule: '@sometimes' bukan jadwal: makro '@sometimes' tidak dikenal",
            "monitoring.checks[0].heartbeat.every: '1x' bukan durasi",
            "monitoring.checks[1].backup: job backup 'dbx' tidak dikenal (maksud Anda 'db'?)",
            "ditemukan",
        ];
        Assert.All(expected, e => Assert.Contains(e, r.Err, StringComparison.Ordinal));
        Assert.All(English, e => Assert.DoesNotContain(e, r.Err, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lang_en_keeps_the_errors_of_an_Indonesian_plan_in_English()
    {
        using var ws = new Workspace(Plan.Replace("{0}", "language: id", StringComparison.Ordinal));

        var r = await ws.Jaga("validate", "--lang", "en");

        Assert.Equal(2, r.Code);
        Assert.Contains("jaga.yaml:2:1: unknown key 'projct' (did you mean 'project'?)", r.Err, StringComparison.Ordinal);
        Assert.Contains("backup[0].to: unknown destination 'locl' (did you mean 'local'?)", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("tidak dikenal", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_language_Jaga_does_not_speak_is_an_error_worded_in_English()
    {
        using var ws = new Workspace(Plan.Replace("{0}", "language: jv", StringComparison.Ordinal));

        var r = await ws.Jaga("validate");

        Assert.Equal(2, r.Code);
        Assert.Contains("language: 'jv' is not one of en, id", r.Err, StringComparison.Ordinal);
        Assert.Contains("unknown key 'projct'", r.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("tidak dikenal", r.Err, StringComparison.Ordinal);
    }
}
