namespace Jaga.Core.Conditions;

/// <summary>A function wrapped around a placeholder: <c>len([BODY].items)</c>, <c>has([BODY].errors)</c>.</summary>
public enum ConditionFunction
{
    None,

    /// <summary>The length of the value: items of a JSON array, keys of an object, characters of text.</summary>
    Len,

    /// <summary><c>true</c> when the value is present (and not empty or JSON null), else <c>false</c>.</summary>
    Has,
}
