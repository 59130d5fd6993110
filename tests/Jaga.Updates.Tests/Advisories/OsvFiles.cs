using Jaga.Core.Updates.Advisories;

namespace Jaga.Updates.Tests.Advisories;

/// <summary>The real advisories under <c>Osv/</c> (see its README for where each comes from).</summary>
internal static class OsvFiles
{
    public const string NewtonsoftJson = "GHSA-5crp-9r3c-p9vr";
    public const string LodashPollution = "GHSA-p6mc-m468-83gw";
    public const string LodashRedos = "GHSA-29mw-wpgm-hmr9";
    public const string Requests = "PYSEC-2023-74";
    public const string Numpy = "PYSEC-2021-857";
    public const string NumpyWithdrawn = "PYSEC-2019-108-withdrawn";

    public static IReadOnlyList<string> All { get; } = [NewtonsoftJson, LodashPollution, LodashRedos, Requests, Numpy, NumpyWithdrawn];

    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Osv", name + ".json");

    public static string Text(string name) => File.ReadAllText(Path(name));

    public static Advisory Read(string name) => OsvJson.Read(Text(name)).Advisory;
}
