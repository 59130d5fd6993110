namespace Jaga.Core.Plan;

/// <summary>What a runbook parameter's value must read as.</summary>
public enum ParamType
{
    String,
    Int,
    Bool,
    Duration,
}
