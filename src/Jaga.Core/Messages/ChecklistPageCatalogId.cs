namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's checklist page (Indonesian).</summary>
internal static class ChecklistPageCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.checklist.title"] = "Daftar periksa",
        ["web.checklist.gathered"] = "Bukti dikumpulkan {0}.",
        ["web.checklist.never"] = "Belum ada bukti yang dikumpulkan.",
        ["web.checklist.gathering"] = "Sedang dikumpulkan lagi: muat ulang halaman untuk melihat bukti baru.",
        ["web.checklist.gather"] = "Kumpulkan lagi",
        ["web.checklist.problem"] = "Pengumpulan terakhir gagal: {0}",
        ["web.checklist.acked"] = "{0} dikonfirmasi.",
        ["web.checklist.ackby"] = "Dikonfirmasi oleh {0} pada {1}: {2}",
        ["web.checklist.ack.needed"] = "Perlu konfirmasi seseorang.",
        ["web.checklist.ack.title"] = "Konfirmasi satu poin",
        ["web.checklist.ack.hint"] = "Setelah memeriksa apa yang hanya bisa dinilai orang; dicatat di log pemeliharaan dan rantai audit dengan nama Anda.",
        ["web.checklist.ack.item"] = "Poin",
        ["web.checklist.ack.note"] = "Apa yang Anda periksa",
        ["web.checklist.ack.submit"] = "Konfirmasi",
        ["web.checklist.note.blank"] = "Sebutkan apa yang Anda periksa: catatan kosong.",
        ["web.checklist.note.long"] = "Catatan terlalu panjang: paling banyak {0} karakter.",
        ["dashboard.checklist.gather"] = "{0} meminta pengumpulan ulang bukti daftar periksa dari dasbor",
        ["dashboard.checklist.joined"] = "{0} meminta pengumpulan ulang bukti daftar periksa dari dasbor; pengumpulan sedang berjalan, hasilnya tampil di halaman",
    };
}
