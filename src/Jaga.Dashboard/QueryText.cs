namespace Jaga.Dashboard;

/// <summary>A value from a page's query as its error message quotes it.</summary>
internal static class QueryText
{
    /// <summary>At most 40 characters of <paramref name="text"/>, so a hostile 10 MB value is not echoed back whole.</summary>
    public static string Shown(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
