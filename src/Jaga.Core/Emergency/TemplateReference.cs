namespace Jaga.Core.Emergency;

/// <summary>One <c>${…}</c> in a step's text, at <paramref name="Offset"/> (of its <c>$</c>) and <paramref name="Length"/>
/// characters long: a parameter, an earlier step's output or exit code, or an environment variable (with its
/// <c>:-default</c>).</summary>
public sealed record TemplateReference(TemplateSource Source, string Name, string? Fallback, int Offset, int Length)
{
    /// <summary>As written: <c>${params.version}</c>.</summary>
    public string Text => Source switch
    {
        TemplateSource.Param => $"${{params.{Name}}}",
        TemplateSource.StepOutput => $"${{steps.{Name}.output}}",
        TemplateSource.StepExitCode => $"${{steps.{Name}.exit_code}}",
        TemplateSource.Variable => Fallback is null ? $"${{{Name}}}" : $"${{{Name}:-{Fallback}}}",
    };
}
