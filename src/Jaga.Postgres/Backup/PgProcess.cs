using System.Buffers;
using System.Diagnostics;
using Jaga.Core.Ports;

namespace Jaga.Postgres.Backup;

/// <summary>Runs a PostgreSQL client program with its connection in the environment, streaming its standard output
/// into a stream (pg_dump) or a stream into its standard input (psql, pg_restore), in bounded memory.
/// Cancellation kills the program.</summary>
internal static class PgProcess
{
    // Large enough that a fast disk or network is not held back by small writes, small enough to stay bounded.
    private const int BufferSize = 1024 * 1024;

    public static Task RunToAsync(PgTool tool, IEnumerable<string> args, IReadOnlyDictionary<string, string> env, Stream output, string? secret, CancellationToken ct) =>
        RunAsync(tool, args, env, secret, p => CopyOnThread(p.StandardOutput.BaseStream, output, tool.Program, ct), redirectInput: false, ct);

    /// <summary>Copies the program's output on a thread of its own, with blocking reads of the pipe and synchronous
    /// writes: on Linux .NET reads a pipe asynchronously through its socket engine (an epoll thread, then a thread-pool
    /// hop per read), which cost a backup more CPU than pg_dump's whole output is worth (docs/benchmarks.md, Step 11).
    /// Cancellation kills the program, which ends the reads.</summary>
    private static Task CopyOnThread(Stream from, Stream to, string program, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            try
            {
                int n;
                while ((n = from.Read(buffer, 0, buffer.Length)) > 0)
                {
                    ct.ThrowIfCancellationRequested();
                    to.Write(buffer, 0, n);
                }
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        })
        { IsBackground = true, Name = "jaga " + program + " output" }.Start();
        return done.Task;
    }

    public static Task RunFromAsync(PgTool tool, IEnumerable<string> args, IReadOnlyDictionary<string, string> env, Stream input, string? secret, CancellationToken ct) =>
        RunAsync(tool, args, env, secret, async p =>
        {
            var stdout = new OutputTail();
            var drain = stdout.ReadAllAsync(p.StandardOutput);
            try
            {
                await input.CopyToAsync(p.StandardInput.BaseStream, BufferSize, ct);
                p.StandardInput.Close();
            }
            catch (IOException) when (!ct.IsCancellationRequested)
            {
                // The program stopped reading (it failed part way): its exit code and message say why.
            }
            await drain;
        }, redirectInput: true, ct);

    private static async Task RunAsync(
        PgTool tool, IEnumerable<string> args, IReadOnlyDictionary<string, string> env, string? secret,
        Func<Process, Task> exchange, bool redirectInput, CancellationToken ct)
    {
        var info = new ProcessStartInfo(tool.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (key, value) in env) info.Environment[key] = value;

        using var p = Process.Start(info) ?? throw new BackupSourceException($"could not start {tool.Path}");
        var stderr = new OutputTail();
        var errors = stderr.ReadAllAsync(p.StandardError);
        await using var kill = ct.Register(() => Kill(p));
        try
        {
            await exchange(p);
            await p.WaitForExitAsync(ct);
            await errors;
        }
        catch
        {
            // A failed destination or a cancellation: the program must not go on alone.
            Kill(p);
            throw;
        }
        if (p.ExitCode != 0)
            throw new BackupSourceException($"{tool.Program} {tool.Version} failed with exit code {p.ExitCode}: {Redact(stderr.ToString(), secret)}");
    }

    private static void Kill(Process p)
    {
        try
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own meanwhile.
        }
    }

    /// <summary>libpq does not print passwords; this is for the day some message quotes one anyway.</summary>
    private static string Redact(string text, string? secret) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, "***", StringComparison.Ordinal);
}
