namespace Jaga.Core.Messages;

/// <summary>Indonesian texts; the seed's own wording where the seed has one ("Backup database selesai: …").</summary>
internal static class CatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["plan.loaded"] = "Plan dimuat: {0} (sha256 {1})",
        ["plan.rendered"] = "Dokumen maintenance plan dibuat: {0}",
        ["plan.valid"] = "{0} valid: {1}",
        ["plan.invalid"] = "{0}: ditemukan {1} masalah",
        ["init.written"] = "Plan ditulis: {0}",
        ["init.exists"] = "{0} sudah ada; gunakan --force untuk menimpanya",
        ["audit.key.created"] = "Kunci tanda tangan audit dibuat: {0} (key id {1})",
        ["audit.checkpoint"] = "Checkpoint audit ditandatangani: #{0} {1} (key id {2})",
        ["audit.checkpoint.exported"] = "Checkpoint audit diekspor: {0}",
        ["audit.verified"] = "Rantai audit terverifikasi: {0} entri utuh, head #{1} {2}",
        ["audit.verify.failed"] = "Verifikasi rantai audit GAGAL: {0}",
        ["audit.anchor.ok"] = "Checkpoint anchor #{0} cocok dengan rantai",
        ["audit.log.ok"] = "File log {0} cocok dengan rantai ({1} baris)",
        ["log.empty"] = "Log maintenance masih kosong.",
        ["run.once.done"] = "Run selesai: {0} job dijalankan, {1} gagal",
        ["backup.done"] = "Backup database selesai: {0}",
        ["update.dependency"] = "Update dependency: {0}",
        ["monitor.host"] = "Monitoring: CPU usage {0}, RAM usage {1}%",
        ["word.normal"] = "normal",
        ["word.high"] = "tinggi",
    };
}
