using Jaga.Core.Monitoring;

namespace Jaga.Engine.Monitoring;

/// <summary>One run of a check: its result, and the check's alerting status after it (what makes the job failed).</summary>
public sealed record CheckRun(CheckResult Result, CheckStatus Status);
