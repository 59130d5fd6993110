namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's backups page (Indonesian).</summary>
internal static class BackupsPageCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.backups.title"] = "Backup",
        ["web.backups.nojobs"] = "Rencana tidak punya tugas backup; tambahkan satu di bawah 'backup:'.",
        ["web.backups.schedule"] = "Jadwal",
        ["web.backups.destinations"] = "Tujuan",
        ["web.backups.last"] = "Jalan terakhir",
        ["web.backups.next"] = "Jalan berikutnya",
        ["web.backups.running"] = "sedang berjalan",
        ["web.backups.verifying"] = "sedang memverifikasi backup terbarunya",
        ["web.backups.never"] = "belum pernah berjalan",
        ["web.backups.drill"] = "Latihan pemulihan",
        ["web.backups.drill.none"] = "belum pernah dilatih; 'jaga drill restore {0}' mengukur lama pemulihan",
        ["web.backups.drill.success"] = "terakhir berhasil {0}",
        ["web.backups.recovery"] = "Waktu pemulihan",
        ["web.backups.dataloss"] = "Jendela kehilangan data",
        ["web.backups.run"] = "Backup sekarang",
        ["web.backups.verify"] = "Verifikasi yang terbaru",
        ["web.backups.acts"] = "Tindakan untuk {0}",
        ["web.backups.chart"] = "Ukuran backup {0} dari waktu ke waktu",
        ["web.backups.shown"] = "{0} terbaru dari {1} backup {2}",
        ["web.backups.shown.all"] = "Semua {0} backup {1}",
        ["web.backups.more"] = "Tampilkan semua {0} backup {1}",
        ["web.backups.fewer"] = "Tampilkan yang terbaru saja",
        ["web.backups.columns"] = "Waktu|Ukuran|Tujuan|Terverifikasi|Status|Artefak",
        ["web.backups.empty"] = "Belum ada backup {0}.",
        ["web.backups.verified.no"] = "belum",
        ["web.backups.verified.failed"] = "gagal: {0}",
        ["web.backups.verified.ok"] = "{0}: {1} dari {2} salinan dibaca ulang seluruhnya",
        ["web.backups.verified.restored"] = "dipulihkan dalam latihan",
        ["web.backups.did.run.started"] = "Backup {0} dimulai; tampil di sini sebagai berjalan, lalu sebagai backup barunya.",
        ["web.backups.did.run.busy"] = "{0} sudah berjalan; tidak ada jalan kedua yang dimulai.",
        ["web.backups.did.verify.started"] = "Verifikasi backup terbaru {0} dimulai.",
        ["web.backups.did.verify.busy"] = "Verifikasi {0} sudah berjalan; tidak ada yang kedua yang dimulai.",
        ["web.backups.did.nothing"] = "{0}: tidak ada yang dikerjakan (tugas itu tidak ada, atau belum ada backup lengkap untuk diverifikasi).",
        ["web.backups.did.stopping"] = "Daemon sedang berhenti; tidak ada yang dimulai.",
        ["dashboard.backup.run"] = "{1} memulai backup {0} dari dasbor",
        ["dashboard.backup.verify"] = "{2} memulai verifikasi {1} (tugas {0}) dari dasbor",
    };
}
