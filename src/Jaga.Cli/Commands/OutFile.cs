namespace Jaga.Cli.Commands;

/// <summary>A file the user named with <c>--out</c>: one that cannot be written (no such folder, no permission) is the
/// user's to fix, exit 2, not a bug.</summary>
internal static class OutFile
{
    public static async Task WriteAsync(string path, Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"--out {path}: cannot write it: {e.Message}", "check that its folder exists and can be written", e);
        }
    }
}
