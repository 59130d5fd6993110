namespace Jaga.Core.Messages;

/// <summary>Teks pilar pembaruan yang dijalankan daemon (<c>Jaga.Engine.Updates.Schedule</c>) dalam bahasa Indonesia;
/// kuncinya sama dengan <see cref="UpdateScheduleCatalogEn"/>.</summary>
internal static class UpdateScheduleCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["update.watch.triggered"] = "Data advisori baru ({0}): audit ulang offline untuk menerapkan perbaikan keamanan sekarang",
        ["update.run.failed"] = "Proses pembaruan {0} GAGAL: {1}",
        ["reason.update.run.done"] = "{0} paket diaudit; {1} pembaruan diterapkan, {2} menunggu review",
        ["reason.update.run.missing"] = "tidak ada data untuk {0}",
        ["reason.update.run.vulnerable"] = "advisori setara atau di atas update.fail_on masih terbuka: {0}",
        ["reason.update.run.rolled.back"] = "dikembalikan: {0}",
        ["reason.update.run.skipped"] = "tidak diterapkan: {0}",
        ["reason.update.run.no.test"] = "{0} pembaruan akan diterapkan, tetapi update.test kosong: sebutkan perintah yang harus lulus setelah pembaruan",
        ["reason.update.run.os.security"] = "{0} pembaruan keamanan OS tertunda: sudo jaga patches --apply --security-only",
        ["reason.update.run.os.failed"] = "patch OS tidak terbaca: {0}",
        ["reason.update.watch.nothing"] = "tidak ada perbaikan keamanan untuk diterapkan",
    };
}
