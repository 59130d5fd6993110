namespace Jaga.Core.Plan.Schema;

/// <summary>The plan's words for an enum's members: <c>when_available</c> is <c>WhenAvailable</c>. The binder is the only
/// place a word becomes a member; everywhere else switches over the enum.</summary>
public static class EnumWord
{
    public static object Parse(Type type, string word) =>
        Enum.Parse(type, word.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);

    /// <summary>The member as the plan writes it (<c>WhenAvailable</c> → <c>when_available</c>).</summary>
    public static string Of<T>(T value) where T : struct, Enum => PlanBinder.SnakeCase(value.ToString());
}
