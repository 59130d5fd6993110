namespace Jaga.Engine.Updates.Registries.Npm;

/// <summary>One npm setting as configured.</summary>
/// <param name="Value">With <c>${VAR}</c> replaced.</param>
/// <param name="Origin">Where it was set (<c>/home/me/.npmrc: //npm.example.com/:_authToken</c>), for messages; never the
/// value.</param>
/// <param name="Unset">Variables it names that the environment does not set.</param>
internal sealed record NpmSetting(string Value, string Origin, IReadOnlyList<string> Unset);
