namespace Jaga.Core.Env;

/// <summary>What setting a key did to an env file.</summary>
public enum EnvChange
{
    /// <summary>The key was not in the file; a line was appended.</summary>
    Added,

    /// <summary>The key's last assignment was rewritten in place with the new value.</summary>
    Changed,

    /// <summary>The key already had this value; the file's text is left as it was.</summary>
    Unchanged,
}
