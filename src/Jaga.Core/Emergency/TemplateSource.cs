namespace Jaga.Core.Emergency;

/// <summary>Where the value of a <see cref="TemplateReference"/> comes from.</summary>
public enum TemplateSource
{
    /// <summary><c>${params.NAME}</c>: a parameter the run was started with.</summary>
    Param,

    /// <summary><c>${steps.NAME.output}</c>: what an earlier step printed (its masked tail).</summary>
    StepOutput,

    /// <summary><c>${steps.NAME.exit_code}</c>: an earlier step's exit code.</summary>
    StepExitCode,

    /// <summary><c>${VAR}</c>: the environment or the plan's env files, read when the step runs.</summary>
    Variable,
}
