namespace Jaga.Core.Messages;

/// <summary>Kata-kata grafik dashboard (<c>Core/Charts</c>): judul, deskripsi, dan teks tiap batang saat disorot.</summary>
internal static class ChartCatalogId
{
    public static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["chart.nodata"] = "Belum ada data",
        ["chart.line.summary"] = "{0} titik dari {1} sampai {2}; terendah {3}, tertinggi {4}, terakhir {5}",
        ["chart.uptime.title"] = "Uptime {0} selama {1} hari terakhir",
        ["chart.uptime.desc"] = "{0} dari {1} hari ada hasilnya; uptime keseluruhan {2}; hari terburuk {3}",
        ["chart.uptime.day"] = "{0}: uptime {1}, {2} hasil",
        ["chart.uptime.utcday"] = "{0}: uptime {1}, {2} hasil (dihitung per hari UTC)",
        ["chart.uptime.none"] = "{0}: tidak ada hasil",
        ["chart.gauge.value"] = "{0}: {1}",
        ["chart.gauge.limit"] = "{0}: {1} (batas {2})",
        ["chart.gauge.unknown"] = "{0}: belum diketahui",
    };
}
