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
        ["reason.step.exit.ok"] = "kode keluar {0}",
        ["reason.step.exit.failed"] = "kode keluar {0}, yang diterima: {1}",
        ["reason.step.exit.not.found"] = "kode keluar {0} (perintah tidak ditemukan), yang diterima: {1}",
        ["reason.step.exit.not.executable"] = "kode keluar {0} (tidak dapat dijalankan), yang diterima: {1}",
        ["reason.step.exit.signal"] = "kode keluar {0} (dihentikan oleh sinyal {1}), yang diterima: {2}",
        ["reason.step.timed.out"] = "melewati batas waktu {0}; {1}",
        ["reason.step.cancelled"] = "dibatalkan setelah {0}; {1}",
        ["reason.step.group.term"] = "grup proses dihentikan dengan SIGTERM",
        ["reason.step.group.kill"] = "grup proses dimatikan dengan SIGKILL setelah tenggang {0}",
        ["reason.step.group.tree"] = "pohon proses dimatikan",
        ["reason.step.dir.missing"] = "direktori kerja {0} tidak ada",
        ["reason.step.start.failed"] = "tidak dapat menjalankan {0}: {1}",
        ["reason.step.output.omitted"] = "[… {0} karakter dihilangkan …]",
        ["reason.step.http.timed.out"] = "melewati batas waktu {0}",
        ["reason.step.http.cancelled"] = "dibatalkan setelah {0}",
        ["reason.step.sleep.done"] = "menunggu {0}",
        ["reason.step.sleep.cancelled"] = "dibatalkan setelah {0} dari {1}",
        ["reason.step.dry.sleep"] = "akan menunggu {0}",
        ["reason.step.dry.found"] = "{0} ditemukan di {1}",
        ["reason.step.dry.missing"] = "{0} tidak ditemukan di PATH ({1})",
        ["reason.step.dry.not.executable"] = "{0} bukan berkas yang dapat dijalankan",
        ["reason.step.dry.builtin"] = "{0} adalah perintah bawaan shell",
        ["reason.step.dry.first"] = "perintah pertama: {0}; sisa baris shell tidak diperiksa",
        ["reason.step.dry.complex"] = "baris shell yang diawali {0}: apa yang dijalankannya tidak dapat diperiksa tanpa menjalankannya",
        ["reason.step.dry.dir.missing"] = "direktori kerja {0} tidak ada",
        ["reason.step.dry.reachable"] = "{0} menerima koneksi TCP (tanpa mengirim permintaan)",
        ["reason.step.dry.unreachable"] = "{0} tidak dapat dijangkau: {1}",
    };
}
