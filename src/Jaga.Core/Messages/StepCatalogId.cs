namespace Jaga.Core.Messages;

/// <summary>The Indonesian texts of runbook steps; see <see cref="StepCatalogEn"/>.</summary>
internal static class StepCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["word.step.succeeded"] = "berhasil",
        ["word.step.failed"] = "gagal",
        ["word.step.timedout"] = "melewati batas waktu",
        ["word.step.cancelled"] = "dibatalkan",
        ["word.dryrun.simulated"] = "disimulasikan",
        ["word.dryrun.preconditionschecked"] = "prasyarat diperiksa",
        ["word.dryrun.cannotsimulate"] = "tidak dapat disimulasikan",
        ["step.exit.ok"] = "kode keluar {0}",
        ["step.exit.failed"] = "kode keluar {0}, yang diterima: {1}",
        ["step.exit.not.found"] = "kode keluar {0} (perintah tidak ditemukan), yang diterima: {1}",
        ["step.exit.not.executable"] = "kode keluar {0} (tidak dapat dijalankan), yang diterima: {1}",
        ["step.exit.signal"] = "kode keluar {0} (dihentikan oleh sinyal {1}), yang diterima: {2}",
        ["step.timed.out"] = "melewati batas waktu {0}; {1}",
        ["step.cancelled"] = "dibatalkan setelah {0}; {1}",
        ["step.group.term"] = "grup proses dihentikan dengan SIGTERM",
        ["step.group.kill"] = "grup proses dimatikan dengan SIGKILL setelah tenggang {0}",
        ["step.group.tree"] = "pohon proses dimatikan",
        ["step.dir.missing"] = "direktori kerja {0} tidak ada",
        ["step.start.failed"] = "tidak dapat menjalankan {0}: {1}",
        ["step.output.omitted"] = "[… {0} karakter dihilangkan …]",
        ["step.http.timed.out"] = "melewati batas waktu {0}",
        ["step.http.cancelled"] = "dibatalkan setelah {0}",
        ["step.sleep.done"] = "menunggu {0}",
        ["step.sleep.cancelled"] = "dibatalkan setelah {0} dari {1}",
        ["step.dry.sleep"] = "akan menunggu {0}",
        ["step.dry.found"] = "{0} ditemukan di {1}",
        ["step.dry.missing"] = "{0} tidak ditemukan di PATH ({1})",
        ["step.dry.not.executable"] = "{0} bukan berkas yang dapat dijalankan",
        ["step.dry.builtin"] = "{0} adalah perintah bawaan shell",
        ["step.dry.first"] = "perintah pertama: {0}; sisa baris shell tidak diperiksa",
        ["step.dry.complex"] = "baris shell yang diawali {0}: apa yang dijalankannya tidak dapat diperiksa tanpa menjalankannya",
        ["step.dry.dir.missing"] = "direktori kerja {0} tidak ada",
        ["step.dry.reachable"] = "{0} menerima koneksi TCP (tanpa mengirim permintaan)",
        ["step.dry.unreachable"] = "{0} tidak dapat dijangkau: {1}",
    };
}
