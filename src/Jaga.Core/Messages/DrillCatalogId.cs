namespace Jaga.Core.Messages;

/// <summary>Teks latihan restore, dalam bahasa Indonesia: kunci dan placeholder sama dengan <see cref="DrillCatalogEn"/>.</summary>
internal static class DrillCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["drill.succeeded"] = "Latihan restore {0} berhasil: {1} dipulihkan dan diperiksa dalam {2} (waktu pemulihan); datanya berumur {3} (jendela kehilangan data); {4}",
        ["drill.failed"] = "Latihan restore {0} GAGAL: {1}",
        ["reason.drill.test.ok"] = "perintah uji lulus",
        ["reason.drill.test.failed"] = "perintah uji keluar dengan kode {0}: {1}",
        ["reason.drill.test.timeout"] = "perintah uji dihentikan setelah {0}",
        ["reason.drill.test.start"] = "perintah uji tidak bisa dijalankan: {0}",
        ["reason.drill.timeout"] = "latihan tidak selesai dalam {0}",
        ["reason.drill.no.copy"] = "tidak ada salinan {0} yang tersimpan di tujuan dalam rencana",
        ["reason.drill.last.failed"] = "latihan restore terakhir, {0} yang lalu, gagal: {1}",
        ["cli.drill.none"] = "job '{0}' belum punya backup selesai untuk dilatih",
        ["cli.drill.none.hint"] = "buat dulu: jaga backup run {0}",
        ["cli.drill.kept"] = "Target sementara disimpan (hapus sendiri): {0}",
        ["cli.status.drills"] = "JOB DILATIH|LATIHAN TERAKHIR|HASIL|BERHASIL TERAKHIR|HARI SEJAK|WAKTU PEMULIHAN|JENDELA KEHILANGAN DATA",
        ["cli.status.drill.failed"] = "Latihan restore {0} gagal: {1}",
        ["word.drill.succeeded"] = "lulus",
        ["word.drill.failed"] = "gagal",
    };
}
