using System.Globalization;
using Jaga.Core.Monitoring;

namespace Jaga.Engine.Monitoring.Host;

/// <summary>Measures the host from <c>/proc</c> (CPU, memory, swap, load) and <c>statvfs</c> (disk use per mount, through
/// <see cref="DriveInfo"/>). CPU use is the busy share of the time between two samples: the first sample reads
/// <c>/proc/stat</c> twice, 250 ms apart; later ones compare with the previous sample.</summary>
/// <param name="clock">The time a sample is taken at.</param>
/// <param name="kernelTime">The clock of the pause between the first two reads. The kernel's CPU counters advance in real
/// time, so the composition root passes real time here even where a test fakes <paramref name="clock"/> (a fake clock
/// would never end the pause).</param>
/// <param name="proc">Where procfs is mounted.</param>
public sealed class HostSampler(TimeProvider clock, TimeProvider kernelTime, string proc = "/proc")
{
    public static readonly TimeSpan FirstInterval = TimeSpan.FromMilliseconds(250);

    private static readonly HashSet<string> PseudoFileSystems = new(StringComparer.Ordinal)
    {
        "proc", "sysfs", "devtmpfs", "devpts", "tmpfs", "cgroup", "cgroup2", "securityfs", "pstore", "bpf", "debugfs",
        "tracefs", "mqueue", "hugetlbfs", "fusectl", "configfs", "autofs", "binfmt_misc", "rpc_pipefs", "nsfs", "overlay",
        "squashfs", "ramfs", "efivarfs", "selinuxfs",
    };

    private readonly Lock gate = new();
    private CpuTimes? previous;

    /// <summary>Takes one sample. Disks: every mount of a real file system, plus <paramref name="mounts"/> (the plan's)
    /// whatever their type; a mount that is not mounted is left out (the verdict reports it).</summary>
    public async Task<HostSample> SampleAsync(IEnumerable<string>? mounts = null, CancellationToken ct = default)
    {
        CpuTimes? before;
        lock (gate) before = previous;
        if (before is null)
        {
            before = ReadCpu();
            // Real time (kernelTime), as the counters are.
            await Task.Delay(FirstInterval, kernelTime, ct);
        }
        var now = ReadCpu();
        lock (gate) previous = now;
        var busy = now.Busy - before.Busy;
        var total = now.Total - before.Total;
        var cpu = total <= 0 ? 0 : Math.Clamp(100.0 * busy / total, 0, 100);

        var memory = ReadMeminfo();
        double Of(string key) => memory.TryGetValue(key, out var v) ? v : 0;
        var memTotal = Of("MemTotal");
        var memPercent = memTotal <= 0 ? 0 : Math.Clamp(100.0 * (memTotal - Of("MemAvailable")) / memTotal, 0, 100);
        var swapTotal = Of("SwapTotal");
        double? swapPercent = swapTotal <= 0 ? null : Math.Clamp(100.0 * (swapTotal - Of("SwapFree")) / swapTotal, 0, 100);

        var load = File.ReadAllText(Path.Combine(proc, "loadavg")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        double Load(int i) => double.Parse(load[i], CultureInfo.InvariantCulture);

        return new HostSample(clock.GetUtcNow(), cpu, memPercent, swapPercent, Load(0), Load(1), Load(2), Disks(mounts ?? []));
    }

    /// <summary>Disk use of the real file systems and the named mounts, as <c>df</c> counts it.</summary>
    public static IReadOnlyList<DiskUse> Disks(IEnumerable<string> mounts)
    {
        var wanted = new HashSet<string>(mounts, StringComparer.Ordinal);
        var disks = new List<DiskUse>();
        foreach (var drive in DriveInfo.GetDrives())
        {
            try
            {
                var named = wanted.Contains(drive.Name) || drive.Name == "/";
                if (!named && (PseudoFileSystems.Contains(drive.DriveFormat) || drive.DriveType is DriveType.Ram or DriveType.Unknown)) continue;
                if (!drive.IsReady || drive.TotalSize <= 0) continue;
                var used = drive.TotalSize - drive.TotalFreeSpace;
                var avail = drive.AvailableFreeSpace;
                var percent = used + avail <= 0 ? 0 : 100.0 * used / (used + avail);
                disks.Add(new DiskUse(drive.Name, percent, drive.TotalSize, avail));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A mount we may not look at (another user's FUSE mount) or one that went away.
            }
        }
        return disks.DistinctBy(d => d.Mount).ToList();
    }

    private CpuTimes ReadCpu()
    {
        using var reader = new StreamReader(Path.Combine(proc, "stat"));
        var line = reader.ReadLine() ?? throw new InvalidDataException("/proc/stat is empty");
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        long At(int i) => i < fields.Length ? fields[i] : 0;
        // user nice system idle iowait irq softirq steal (guest time is already inside user).
        var total = At(0) + At(1) + At(2) + At(3) + At(4) + At(5) + At(6) + At(7);
        var idle = At(3) + At(4);
        return new CpuTimes(total - idle, total);
    }

    private Dictionary<string, double> ReadMeminfo()
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(proc, "meminfo")))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) continue;
            var number = line[(colon + 1)..].Trim().Split(' ')[0];
            if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)) values[line[..colon]] = v;
        }
        return values;
    }

    private sealed record CpuTimes(long Busy, long Total);
}
