using System.Diagnostics;
using System.Globalization;
using Jaga.Engine.Migration;
using Spectre.Console;

namespace Jaga.Cli.Commands.Migration;

/// <summary>Rows and rows per second of an export or a verify, on a terminal only (piped output and --json stay clean).</summary>
internal static class MigrateProgress
{
    public static async Task<T> ShowAsync<T>(CliContext ctx, string title, Func<IProgress<MigrationProgress>?, Task<T>> work)
    {
        if (!ctx.Output.Terminal) return await work(null);
        return await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
            .StartAsync(async p =>
            {
                var task = p.AddTask(Markup.Escape(title), maxValue: 1);
                var started = Stopwatch.GetTimestamp();
                var result = await work(new Reporter(m =>
                {
                    var seconds = Math.Max(Stopwatch.GetElapsedTime(started).TotalSeconds, 0.001);
                    var line = string.Create(CultureInfo.InvariantCulture,
                        $"{title}: {m.Step} {m.Table}  {m.TableRows:N0} rows  ({m.TotalRows / seconds:N0} rows/s)");
                    task.Description = Markup.Escape(line);
                }));
                task.StopTask();
                return result;
            });
    }

    /// <summary>Reports on the caller's thread: <see cref="Progress{T}"/> would post to the thread pool and reorder lines.</summary>
    private sealed class Reporter(Action<MigrationProgress> report) : IProgress<MigrationProgress>
    {
        public void Report(MigrationProgress value) => report(value);
    }
}
