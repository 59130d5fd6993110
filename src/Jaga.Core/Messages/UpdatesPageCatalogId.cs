namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's updates page (Indonesian).</summary>
internal static class UpdatesPageCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.updates.title"] = "Pembaruan",
        ["web.updates.audit"] = "Audit dependensi terakhir",
        ["web.updates.audit.kept"] = "Disimpan dari audit {0}:",
        ["web.updates.audit.passed"] = "lulus.",
        ["web.updates.audit.vulnerable"] = "ada advisori yang dihitung (update.fail_on).",
        ["web.updates.audit.incomplete"] = "tidak lengkap: ada data yang hilang.",
        ["web.updates.audit.none"] = "Belum ada audit dependensi yang tercatat: jalankan jaga deps audit (daemon mengaudit sesuai update.schedule).",
        ["web.updates.noaudit"] = "Belum ada audit yang disimpan di mesin ini.",
        ["web.updates.vulnerable"] = "Paket rentan",
        ["web.updates.vulnerable.none"] = "Tidak ada paket yang terkena advisori.",
        ["web.updates.vulnerable.columns"] = "paket|versi|advisori (diperbaiki di)|keputusan",
        ["web.updates.plan"] = "Rencana pembaruan",
        ["web.updates.plan.hint"] = "Apa yang akan dilakukan jaga deps update --apply, menurut kebijakan, per audit {0}.",
        ["web.updates.plan.columns"] = "paket|sekarang|ke|jenis|keputusan|alasan",
        ["web.updates.applied"] = "Pembaruan yang diterapkan dan dibatalkan",
        ["web.updates.applied.none"] = "Belum ada pembaruan yang diterapkan atau dibatalkan.",
        ["web.updates.pending"] = "Temuan keamanan yang tertunda",
        ["web.updates.pending.none"] = "Tidak ada temuan keamanan yang tertunda.",
        ["web.updates.pending.columns"] = "paket|versi|advisori|tingkat|diperbaiki di|sumber|sejak",
        ["web.updates.source.dependency"] = "dependensi",
        ["web.updates.source.os"] = "paket OS",
        ["web.updates.changes"] = "Perubahan signifikan yang menunggu tinjauan",
        ["web.updates.changes.hint"] = "Ditinjau oleh orang selain pembuatnya: jaga changes review ID --by NAMA --note ….",
        ["web.updates.changes.columns"] = "id|jenis|kapan|oleh|apa",
    };
}
