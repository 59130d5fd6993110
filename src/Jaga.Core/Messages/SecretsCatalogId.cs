namespace Jaga.Core.Messages;

/// <summary>Indonesian texts of the secrets scan; the keys of <see cref="SecretsCatalogEn"/>.</summary>
internal static class SecretsCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["secrets.scanned"] = "Pemindaian rahasia pada {0} ({1}, aturan: {2}): {3} berkas dibaca, {4} dilewati, {5} rahasia ditemukan",
        ["word.secrets.scope.tree"] = "direktori kerja",
        ["word.secrets.scope.history"] = "riwayat git",
        ["word.secrets.skip.too_large"] = "terlalu besar",
        ["word.secrets.skip.binary"] = "biner",
        ["word.secrets.skip.not_regular"] = "bukan berkas biasa",
        ["word.secrets.skip.unreadable"] = "tidak dapat dibaca",
        ["cli.secrets.columns"] = "berkas|baris|aturan|rahasia|commit",
        ["cli.secrets.summary"] = "{0} berkas dibaca ({1}) pada {2} {3}; aturan: {4}; {5} dilewati",
        ["cli.secrets.commits"] = "{0} commit dibaca (semua branch dan tag).",
        ["cli.secrets.gitignore"] = "Berkas dipilih oleh git: yang dilacak, dan yang belum dilacak tetapi tidak disembunyikan .gitignore.",
        ["cli.secrets.skipped"] = "Dilewati {0}: {1} ({2})",
        ["cli.secrets.skipped.more"] = "… dan {0} lagi dilewati (lihat --format json)",
        ["cli.secrets.clean"] = "Tidak ada rahasia ditemukan.",
        ["cli.secrets.found"] = "{0} rahasia ditemukan. Hapus dan ganti masing-masing (rahasia yang pernah di-commit tetap ada di riwayat); izinkan yang sudah diketahui dengan secrets.allow di rencana atau jaga:allow di barisnya.",
        ["cli.secrets.format.invalid"] = "--format: '{0}' bukan format",
        ["cli.secrets.format.invalid.hint"] = "gunakan table, json atau sarif",
    };
}
