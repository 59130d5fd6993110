using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Jaga.Core.Plan.Values;

/// <summary>A calendar day as the plan writes it: YYYY-MM-DD, nothing else (no time, no zone, no other order).</summary>
public static class PlanDate
{
    public static bool TryParse(string text, [NotNullWhen(true)] out DateOnly? day)
    {
        day = DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        return day is not null;
    }
}
