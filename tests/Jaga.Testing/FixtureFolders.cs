using System.Diagnostics;

namespace Jaga.Testing;

/// <summary>What the server fixtures share to clean up after runs that were killed: whether the process that owned a
/// temporary folder is alive, and deleting a folder without failing the test run when it cannot be.</summary>
public static class FixtureFolders
{
    public static bool IsAlive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next run's sweep.
        }
    }
}
