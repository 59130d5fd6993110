using System.Diagnostics;

namespace Jaga.Backup.Tests.Faults;

/// <summary>Waits for a backup to be well under way: its hidden temporary file in a local folder exists and keeps growing.</summary>
public static class Growing
{
    public static async Task<string> PartialAsync(string folder, long atLeast, Func<string>? whyItStopped = null, Func<bool>? stopped = null)
    {
        var watch = Stopwatch.StartNew();
        long last = -1;
        while (watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (stopped?.Invoke() == true) Assert.Fail($"the backup ended before its temporary file grew to {atLeast} bytes:\n{whyItStopped?.Invoke()}");
            var partial = FaultWorkspace.Partials(folder).FirstOrDefault();
            if (partial is not null)
            {
                long size;
                try
                {
                    size = new FileInfo(Path.Combine(folder, partial)).Length;
                }
                catch (FileNotFoundException)
                {
                    size = -1;
                }
                if (size >= atLeast && last >= 0 && size > last) return partial;
                last = size;
            }
            await Task.Delay(20);
        }
        Assert.Fail($"no temporary file grew to {atLeast} bytes in {folder} within 90 s:\n{whyItStopped?.Invoke()}");
        return "";
    }
}
