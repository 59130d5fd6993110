namespace Jaga.Core.Messages;

/// <summary>Teks basis data advisori lokal: baris jurnal sebuah impor dan yang dicetak <c>jaga deps db</c>.</summary>
internal static class UpdateAdvisoryCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["deps.db.updated"] = "Data advisori diperbarui: {0} advisori ({1})",
        ["cli.deps.db.imported"] = "{0}: {1} advisori dari {2}",
        ["cli.deps.db.downloading"] = "Mengunduh {0} …",
        ["cli.deps.db.downloaded"] = "Selesai mengunduh {0} ({1} MB)",
        ["cli.deps.db.columns"] = "EKOSISTEM|DIIMPOR|UMUR|ADVISORI|SUMBER",
        ["cli.deps.db.never"] = "belum pernah",
        ["cli.deps.db.empty"] = "Belum ada data advisori di {0}: jalankan 'jaga deps db update' untuk mengunduh advisori OSV.",
        ["cli.deps.db.where"] = "Basis data advisori: {0}",
    };
}
