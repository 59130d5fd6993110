namespace Jaga.Core.Messages;

/// <summary>Indonesian texts of probably-unused dependencies; see <see cref="UpdateUnusedCatalogEn"/>.</summary>
internal static class UpdateUnusedCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["reason.unused.npm"] = "tidak ada berkas di bawah {0} yang mengimpor atau me-require-nya; tidak ada skrip yang menyebutnya ({1} berkas dipindai)",
        ["reason.unused.python"] = "tidak ada berkas .py di bawah {0} yang mengimpor {1} ({2} berkas dipindai)",
        ["reason.unused.nuget"] = "{0} hasil build tidak mereferensikan satu pun assembly-nya ({1})",
        ["reason.unused.nuget.not.built"] = "belum di-build: jalankan dotnet build dahulu",
        ["reason.unused.nuget.not.restored"] = "belum di-restore: jalankan dotnet restore dahulu",
        ["cli.deps.unused.title"] = "Kemungkinan tidak dipakai ({0}):",
        ["cli.deps.unused.unchecked"] = "Tidak diperiksa pemakaiannya ({0}):",
    };
}
