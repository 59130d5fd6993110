namespace Jaga.Core.Readiness;

/// <summary>The seven points of the seed's migration guideline that evidence can be gathered for; the eighth is the checklist
/// itself, printed from them.</summary>
public enum ReadinessPoint
{
    Configuration,
    Folders,
    Dependencies,
    Ci,
    Security,
    Documentation,
    Backup,
}
