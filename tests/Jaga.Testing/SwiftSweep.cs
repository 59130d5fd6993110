using System.Diagnostics;
using System.Globalization;

namespace Jaga.Testing;

/// <summary>Cleans up after Swift stores whose test host died without disposing them (killed, crashed, timed out).</summary>
internal static class SwiftSweep
{
    /// <summary>Kills the servers of earlier runs whose test host died without cleaning up, by the PIDs they recorded,
    /// and only processes whose command line still names that run's folder (a PID can be reused).</summary>
    public static void KillAbandoned(string folderPrefix, string ownerFile, string pidsFile)
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), folderPrefix + "*"))
        {
            try
            {
                var owner = Path.Combine(dir, ownerFile);
                if (!File.Exists(owner))
                {
                    // A folder another run has only just made has no owner file yet.
                    // Real time, as the file system's: a fixture's, not the code under test's.
#pragma warning disable RS0030
                    if (Directory.GetCreationTimeUtc(dir) < TimeProvider.System.GetUtcNow().UtcDateTime - TimeSpan.FromHours(1)) FixtureFolders.TryDelete(dir);
#pragma warning restore RS0030
                    continue;
                }
                if (FixtureFolders.IsAlive(int.Parse(File.ReadAllText(owner).Trim(), CultureInfo.InvariantCulture))) continue;
                var pids = Path.Combine(dir, pidsFile);
                foreach (var line in File.Exists(pids) ? File.ReadAllLines(pids) : [])
                {
                    var pid = int.Parse(line.Trim(), CultureInfo.InvariantCulture);
                    var cmdline = $"/proc/{pid}/cmdline";
                    if (!File.Exists(cmdline) || !File.ReadAllText(cmdline).Contains(dir, StringComparison.Ordinal)) continue;
                    using var p = Process.GetProcessById(pid);
                    p.Kill();
                    p.WaitForExit(TimeSpan.FromSeconds(10));
                }
                FixtureFolders.TryDelete(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentException or InvalidOperationException)
            {
                // Not ours to worry about: another run's folder in an unexpected state.
            }
        }
    }
}
