namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's monitoring page (Indonesian).</summary>
internal static class MonitoringPageCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.monitoring.title"] = "Pemantauan",
        ["web.monitoring.pages"] = "Halaman cek",
        ["web.monitoring.previous"] = "Halaman sebelumnya",
        ["web.monitoring.next"] = "Halaman berikutnya",
        ["web.monitoring.pageof"] = "Halaman {0} dari {1}",
        ["web.monitoring.page.invalid"] = "p: '{0}' bukan nomor halaman; berikan bilangan bulat mulai 1, atau tanpa p untuk halaman pertama.",
        ["web.monitoring.summary"] = "{0} pemeriksaan: {1} naik, {2} turun, {3} belum diperiksa",
        ["web.monitoring.none"] = "Rencana tidak memiliki pemeriksaan.",
        ["web.monitoring.state.up"] = "Naik",
        ["web.monitoring.state.down"] = "Turun",
        ["web.monitoring.state.unknown"] = "Belum diperiksa",
        ["web.monitoring.since"] = "sejak {0}",
        ["web.monitoring.kind"] = "Jenis",
        ["web.monitoring.uptime"] = "Uptime 24 jam / 7 hari / 30 hari",
        ["web.monitoring.p95"] = "Waktu respons p95 (24 jam)",
        ["web.monitoring.failed"] = "Kondisi yang gagal",
        ["web.monitoring.latest"] = "Hasil terakhir",
        ["web.monitoring.bars"] = "Uptime, 90 hari terakhir",
        ["web.monitoring.response"] = "Waktu respons {0}, 24 jam terakhir",
        ["web.monitoring.responsehead"] = "Waktu respons, 24 jam terakhir",
        ["web.monitoring.host"] = "Host {0}",
        ["web.monitoring.sampled"] = "Diukur pada {0}.",
        ["web.monitoring.notsampled"] = "Belum diukur di node ini.",
        ["web.monitoring.load"] = "Beban (1, 5, 15 menit)",
        ["web.monitoring.cpu"] = "CPU",
        ["web.monitoring.memory"] = "Memori",
        ["web.monitoring.swap"] = "Swap",
        ["web.monitoring.disk"] = "Disk {0}",
        ["web.status.title"] = "Status",
        ["web.status.up"] = "Semua pemeriksaan naik.",
        ["web.status.down"] = "{0} dari {1} pemeriksaan turun.",
        ["web.status.none"] = "Belum ada yang dipantau di sini.",
    };
}
