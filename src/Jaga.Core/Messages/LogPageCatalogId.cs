namespace Jaga.Core.Messages;

/// <summary>The texts of the dashboard's log page (Indonesian).</summary>
internal static class LogPageCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["web.log.title"] = "Log pemeliharaan",
        ["web.log.problem"] = "Filter tidak diterapkan:",
        ["web.log.level"] = "Level",
        ["web.log.level.atleast"] = "{0} ke atas",
        ["web.log.any"] = "Semua",
        ["web.log.pillar"] = "Pilar",
        ["web.log.from"] = "Dari",
        ["web.log.until"] = "Sampai",
        ["web.log.time.hint"] = "Dari dan sampai: tanggal dan jam dalam {0} seperti 2026-12-07 09:00, atau durasi mundur dari sekarang seperti 24h atau 7d.",
        ["web.log.text"] = "Teks",
        ["web.log.text.hint"] = "Baris yang pesannya memuat teks ini (huruf besar atau kecil).",
        ["web.log.apply"] = "Tampilkan",
        ["web.log.clear"] = "Hapus filter",
        ["web.log.level.invalid"] = "Level: '{0}' bukan level; pilih INFO, WARN atau ERROR",
        ["web.log.pillar.invalid"] = "Pilar: '{0}' bukan pilar; pilih salah satu dari {1}",
        ["web.log.text.long"] = "Teks: {0} karakter terlalu panjang untuk pencarian; berikan paling banyak {1}",
        ["web.log.seq.invalid"] = "Posisi halaman '{0}' bukan nomor urut {1} atau lebih; mulai lagi dari entri terbaru",
        ["web.log.pages"] = "Halaman log",
        ["web.log.newer"] = "Entri lebih baru",
        ["web.log.newest"] = "Entri terbaru",
        ["web.log.older"] = "Entri lebih lama",
        ["web.log.further"] = "Cari lebih jauh",
        ["web.log.window.down"] = "Halaman ini memeriksa {0} entri, turun sampai #{1}, tanpa terisi penuh: filter cocok dengan sedikit entri. Cari lebih jauh untuk melanjutkan ke bawah.",
        ["web.log.window.up"] = "Halaman ini memeriksa {0} entri, naik sampai #{1}, tanpa terisi penuh: filter cocok dengan sedikit entri. Cari lebih jauh untuk melanjutkan ke atas.",
        ["web.log.none"] = "Tidak ada entri di sini yang cocok dengan filter.",
        ["web.log.empty"] = "Log masih kosong.",
        ["web.log.lines"] = "Baris log, terbaru lebih dulu",
        ["web.log.chain"] = "Rantai audit",
        ["web.log.chain.hint"] = "Verifikasi membuktikan setiap entri rantai dan setiap baris file log node ini tidak berubah, seperti jaga audit verify; hasilnya dicatat di log dengan nama Anda.",
        ["web.log.chain.verify"] = "Verifikasi rantai",
        ["web.log.chain.operator"] = "Operator atau admin dapat memverifikasi rantai.",
        ["web.log.chain.never"] = "Belum diverifikasi dari dashboard sejak dijalankan.",
        ["web.log.chain.running"] = "Memverifikasi sejak {0}, diminta oleh {1}.",
        ["web.log.chain.reload"] = "Tampilkan hasilnya",
        ["web.log.chain.intact"] = "Utuh: {0} entri, kepala #{1} {2} (diminta {3} oleh {4}).",
        ["web.log.chain.broken"] = "Rusak (diminta {0} oleh {1}):",
        ["web.log.chain.failed"] = "Verifikasi tidak dapat selesai: {0} (diminta {1} oleh {2}).",
        ["web.log.chain.stopped"] = "dihentikan",
        ["dashboard.audit.joined"] = "{0} meminta verifikasi rantai audit dari dasbor; verifikasi yang dimulai {1} masih berjalan, hasilnya tampil di halaman log",
        ["dashboard.audit.failed"] = "{0} meminta verifikasi rantai audit dari dasbor; verifikasi tidak dapat berjalan: {1}",
    };
}
