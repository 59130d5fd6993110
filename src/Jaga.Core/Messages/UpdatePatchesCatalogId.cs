namespace Jaga.Core.Messages;

/// <summary>Teks patch OS (<c>Jaga.Engine.Updates.Patches</c>, <c>jaga patches</c>) dalam bahasa Indonesia; kuncinya sama
/// dengan <see cref="UpdatePatchesCatalogEn"/>.</summary>
internal static class UpdatePatchesCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["patches.checked"] = "Patch OS: {0} pembaruan tertunda, {1} di antaranya keamanan, {2} ditahan; {3}",
        ["patches.reboot.yes"] = "perlu reboot (paket: {0})",
        ["patches.reboot.no"] = "tidak perlu reboot",
        ["patches.applied"] = "Patch keamanan diterapkan: {0} {1} ({2})",
        ["patches.failed"] = "Patch keamanan GAGAL: {0}; tidak diterapkan: {1}",
        ["reason.patches.removes"] = "pemasangan akan menghapus {0}",
        ["reason.patches.not.security"] = "pemasangan juga akan mengubah paket yang bukan pembaruan keamanan: {0}",
        ["reason.patches.apt.exit"] = "{0} keluar dengan kode {1}: {2}",
        ["reason.patches.apt.timeout"] = "{0} tidak selesai dalam {1}",
        ["reason.patches.not.installed"] = "dpkg tidak menunjukkan versi barunya terpasang",
        ["reason.patches.output"] = "{0} mencetak sesuatu yang tidak dapat dibaca versi Jaga ini: {1}",
        ["cli.patches.no.apt"] = "sistem ini tidak punya apt-get: jaga patches membaca pembaruan tertunda Debian, Ubuntu dan turunannya",
        ["cli.patches.no.apt.hint"] = "pakai alat sistem itu sendiri (dnf check-update, zypper list-patches) dan catat patch dengan jaga log add --level WARN \"…\"",
        ["cli.patches.not.root"] = "--apply memasang paket dan perlu root; ini berjalan sebagai {0}",
        ["cli.patches.not.root.hint"] = "jalankan sebagai root: sudo jaga patches --apply --security-only",
        ["cli.patches.apply.all"] = "--apply hanya memasang pembaruan keamanan: tambahkan --security-only",
        ["cli.patches.apply.all.hint"] = "upgrade penuh (apt-get upgrade) dilakukan sambil diawasi; jaga patches menampilkan apa yang akan diubahnya",
        ["cli.patches.yes"] = "--apply memasang paket dan tidak ada terminal untuk konfirmasi: tambahkan --yes",
        ["cli.patches.declined"] = "tidak ada yang diterapkan: tidak dikonfirmasi",
        ["cli.patches.ask"] = "Pasang {0} paket ini sekarang?",
        ["cli.patches.columns"] = "paket|terpasang|kandidat|asal|keamanan",
        ["cli.patches.security.yes"] = "ya",
        ["cli.patches.security.no"] = "tidak",
        ["cli.patches.footer"] = "{0} pembaruan tertunda, {1} di antaranya keamanan, {2} ditahan",
        ["cli.patches.kept"] = "ditahan: {0}",
        ["cli.patches.reboot"] = "perlu reboot (paket: {0})",
        ["cli.patches.none"] = "tidak ada yang tertunda: setiap paket sudah versi terbaru",
        ["cli.patches.none.security"] = "tidak ada pembaruan keamanan tertunda: tidak ada yang diterapkan",
        ["cli.patches.dryrun"] = "apt-get akan memasang ini:",
        ["cli.patches.refused"] = "tidak diterapkan: {0}",
        ["cli.patches.refused.hint"] = "periksa apt-get -s install --only-upgrade … dan perbarui paket ini secara manual",
        ["cli.patches.applied"] = "{0} pembaruan keamanan diterapkan",
        ["cli.patches.failed"] = "{0} dari {1} paket tidak diterapkan: {2}",
        ["cli.patches.apt.failed"] = "apt gagal: {0}",
    };
}
