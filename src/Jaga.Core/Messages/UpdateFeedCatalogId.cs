namespace Jaga.Core.Messages;

/// <summary>Teks cek <c>updates</c> dalam bahasa Indonesia; kuncinya sama dengan <see cref="UpdateFeedCatalogEn"/>.</summary>
internal static class UpdateFeedCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["reason.updates.never"] = "belum ada audit dependensi yang tercatat: jalankan 'jaga deps audit'",
        ["reason.updates.overdue"] = "{0} pembaruan keamanan terlambat (tertunda lebih dari {1}): {2}",
        ["reason.updates.item"] = "{0} {1} {2} (terbuka {3})",
        ["reason.updates.item.node"] = "{0} {1} di {2} dari {3} (terbuka {4})",
        ["reason.updates.more"] = "dan {0} lainnya",
        ["reason.updates.none"] = "tidak ada pembaruan keamanan yang tertunda",
        ["reason.updates.pending"] = "{0} pembaruan keamanan tertunda, tidak ada yang terlambat (terlama terbuka {1})",
        ["reason.updates.audit"] = "audit dependensi terakhir {0} lalu",
        ["reason.updates.audit.incomplete"] = "audit dependensi terakhir {0} lalu, tidak lengkap (temuan yang tidak dapat dinilainya tetap tertunda)",
    };
}
