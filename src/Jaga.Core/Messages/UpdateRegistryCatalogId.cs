namespace Jaga.Core.Messages;

/// <summary>Indonesian texts of the npm and PyPI registries; see <see cref="UpdateRegistryCatalogEn"/>.</summary>
internal static class UpdateRegistryCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["reason.registry.unreachable"] = "{0} tidak dapat dihubungi: {1}",
        ["reason.registry.connection.refused"] = "koneksi ditolak",
        ["reason.registry.connection.nohost"] = "nama host tidak dapat di-resolve",
        ["reason.registry.transient.status"] = "ia menjawab HTTP {0}, {1} kali",
        ["reason.registry.transient.timeout"] = "tidak ada jawaban dalam {0} dtk, {1} kali",
        ["reason.registry.offline"] = "{0}: tidak ada jawaban tersimpan di cache untuk {1}, dan run ini offline; jalankan sekali secara online untuk mengisi cache",
        ["reason.registry.bad"] = "{0} menjawab untuk {1} dengan sesuatu yang bukan dokumen {2}",
        ["reason.registry.status"] = "{0} menjawab HTTP {2} untuk {1}",
        ["reason.registry.refused"] = "{0} menolak kredensial untuk {1} (HTTP {2}); kredensial itu diatur di {3}",
        ["reason.registry.unset"] = "{0} meminta kredensial untuk {1} (HTTP {2}); kredensial di {3} memakai {4}, yang tidak diatur di environment",
        ["reason.registry.npm.nocredentials"] = "{0} meminta kredensial untuk {1} (HTTP {2}) dan tidak ada .npmrc yang memberikannya; tambahkan {3}=… ke .npmrc proyek atau pengguna",
        ["reason.registry.pip.nocredentials"] = "{0} meminta kredensial untuk {1} (HTTP {2}) dan URL-nya ({3}) tidak memuatnya; tulis sebagai https://USER:PASSWORD@host/…",
        ["reason.registry.config.unreadable"] = "{0} tidak dapat dibaca: {1}",
        ["reason.registry.config.unreadable.hint"] = "buat berkas itu dapat dibaca oleh pengguna yang menjalankan jaga, atau hapus",
        ["reason.registry.config.url"] = "{0}: '{1}' bukan URL http:// atau https://",
        ["reason.registry.config.url.hint"] = "tulis URL lengkap registry, mis. https://registry.example.com/",
        ["reason.registry.pip.nosection"] = "pengaturan sebelum [section] mana pun",
        ["reason.registry.pip.nokey"] = "baris yang bukan [section], key = value, maupun komentar",
        ["reason.registry.pip.syntax.hint"] = "pip.conf adalah berkas INI: letakkan pengaturan di bawah [global] (index-url = https://…)",
    };
}
