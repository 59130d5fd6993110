namespace Jaga.Core.Conditions;

/// <summary>The comparison of a condition, written with spaces around it as in Gatus: <c>[STATUS] == 200</c>.</summary>
public enum ConditionOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
