using Jaga.Core.Messages;
using Jaga.Core.Monitoring;
using Jaga.Core.Plan;
using Jaga.Core.Plan.Values;
using Jaga.Engine.Monitoring.Host;

namespace Jaga.Monitoring.Tests.Host;

public sealed class HostSamplerTests
{
    [Fact]
    public async Task Sampler_returns_sane_values_for_this_machine()
    {
        var sampler = new HostSampler(TimeProvider.System, TimeProvider.System);
        var first = await sampler.SampleAsync(["/"]);
        var second = await sampler.SampleAsync(["/"]);
        foreach (var s in new[] { first, second })
        {
            Assert.InRange(s.CpuPercent, 0, 100);
            Assert.InRange(s.MemoryPercent, 0.1, 100);
            if (s.SwapPercent is { } swap) Assert.InRange(swap, 0, 100);
            Assert.True(s.Load1 >= 0 && s.Load5 >= 0 && s.Load15 >= 0);
            var root = Assert.Single(s.Disks, d => d.Mount == "/");
            Assert.InRange(root.UsedPercent, 0.01, 100);
            Assert.True(root.TotalBytes > 0);
        }
    }

    [Fact]
    public async Task A_real_sample_judges_and_summarises_against_generous_limits()
    {
        var sample = await new HostSampler(TimeProvider.System, TimeProvider.System).SampleAsync(["/"]);
        var monitor = new HostMonitor(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), new Threshold("<=", 100), new Threshold("<=", 100), null, "< 100000",
            new Dictionary<string, Threshold> { ["/"] = new("<=", 100) }, null);
        var result = HostVerdict.Judge(sample, monitor);
        Assert.Equal(CheckOutcome.Up, result.Outcome);
        Assert.Matches(@"^Monitoring: CPU usage normal, RAM usage \d{1,3}%$", HostVerdict.Summary(sample, monitor, Catalog.English));
    }
}
