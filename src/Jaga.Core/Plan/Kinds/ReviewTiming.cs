namespace Jaga.Core.Plan;

/// <summary>When a significant change is reviewed (<c>review:</c> of a runbook, <c>update.review</c>): after it is carried out,
/// listed as pending until someone reviews it, or before, so it is not carried out until someone has.</summary>
public enum ReviewTiming
{
    After,
    Before,
}
