namespace Jaga.Core.Messages;

/// <summary>Indonesian texts of applying updates; see <see cref="UpdateApplyCatalogEn"/>.</summary>
internal static class UpdateApplyCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["update.rolled.back"] = "Pembaruan dibatalkan: {0}: {1}: {2}",
        ["update.recovered"] = "Pembaruan yang terputus sebelumnya dibatalkan: {0} ({1} berkas dipulihkan)",
        ["update.tests.failing"] = "Pembaruan tidak diterapkan: tes sudah gagal sebelum pembaruan apa pun ({0}): {1}",
        ["reason.update.busy"] = "jaga deps update lain sedang menerapkan pembaruan di {0}",
        ["reason.update.busy.hint"] = "tunggu sampai selesai; kuncinya {0}",
        ["reason.update.applied"] = "diterapkan; tes lulus",
        ["reason.update.tests.failed"] = "tes gagal ({0})",
        ["reason.update.lock.failed"] = "{0} gagal ({1})",
        ["reason.update.baseline"] = "tidak dicoba: tes sudah gagal sebelum pembaruan apa pun ({0})",
        ["reason.update.lock.file"] = "{0} adalah berkas kunci: diperbarui dari manifesnya, tidak pernah diedit",
        ["reason.update.missing"] = "{0} tidak ada",
        ["reason.update.outside"] = "{0} berada di luar folder proyek",
        ["reason.update.not.utf8"] = "{0} bukan teks UTF-8",
        ["reason.update.unchanged"] = "{0} sudah menyebut {1}",
        ["reason.update.test.empty"] = "{0} kosong: tidak ada perintah tes untuk menguji pembaruan",
        ["reason.update.test.empty.hint"] = "tulis perintah yang harus lulus setelah pembaruan di {0}, mis. dotnet test",
        ["reason.update.test.shell"] = "{2} dijalankan tanpa shell, dan {0} adalah sintaks shell: {1}",
        ["reason.update.test.quote"] = "{1} memiliki tanda kutip yang tidak pernah ditutup: {0}",
        ["reason.update.test.hint"] = "taruh perintahnya dalam skrip dan sebut skrip itu di {0} (./scripts/test.sh), atau sebut shell-nya sendiri: sh -c '…'",
        ["cli.update.recovered"] = "membatalkan sisa penerapan yang terputus: {0}",
        ["cli.update.baseline"] = "menjalankan tes sebelum pembaruan apa pun: {0}",
        ["cli.update.group"] = "grup {0}: {1} pembaruan",
        ["cli.update.lock"] = "memperbarui berkas kunci: {0}",
        ["cli.update.testing"] = "menguji {0}",
        ["cli.update.passed"] = "tes lulus dengan {0}",
        ["cli.update.failed"] = "gagal dengan {0}: {1}",
        ["cli.update.bisect"] = "mencari pembaruan yang merusak tes di antara {0}",
        ["cli.update.skipped"] = "dilewati {0}: {1}",
    };
}
