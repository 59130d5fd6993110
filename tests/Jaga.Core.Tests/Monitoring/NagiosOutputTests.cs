using Jaga.Core.Monitoring;

namespace Jaga.Core.Tests.Monitoring;

public sealed class NagiosOutputTests
{
    [Fact]
    public void Single_line_with_performance_data_splits_text_and_values()
    {
        var o = NagiosOutput.Parse("LOAD OK - total load average: 0.52, 0.74, 0.60|load1=0.520;4.000;8.000;0; load5=0.740;4.000;8.000;0; load15=0.600;4.000;8.000;0; \n");
        Assert.Equal("LOAD OK - total load average: 0.52, 0.74, 0.60", o.Text);
        Assert.Equal("", o.LongText);
        Assert.Equal(["load1", "load5", "load15"], o.Performance.Select(p => p.Label));
        Assert.Equal("0.520", o.Values["load1"]);
        var load1 = o.Performance[0];
        Assert.Equal(("4.000", "8.000", "0", ""), (load1.Warning, load1.Critical, load1.Min, load1.Max));
    }

    [Fact]
    public void Multi_line_output_per_the_plugin_guidelines()
    {
        const string output = """
            DISK OK - free space: / 3326 MB (56%); | /=2643MB;5948;5958;0;5968
            / 15272 MB (77%);
            /boot 68 MB (69%);
            /var/log 819 MB (84%); | /boot=68MB;88;93;0;98
            /home=69357MB;253404;253409;0;253414
            /var/log=818MB;970;975;0;980
            """;
        var o = NagiosOutput.Parse(output);
        Assert.Equal("DISK OK - free space: / 3326 MB (56%);", o.Text);
        Assert.Equal("/ 15272 MB (77%);\n/boot 68 MB (69%);\n/var/log 819 MB (84%);", o.LongText);
        Assert.Equal(["/", "/boot", "/home", "/var/log"], o.Performance.Select(p => p.Label));
        Assert.Equal("818", o.Values["/var/log"]);
        Assert.Equal("MB", o.Performance[3].Unit);
    }

    [Fact]
    public void Quoted_labels_may_hold_spaces_and_doubled_quotes()
    {
        var o = NagiosOutput.Parse("OK | 'free space'=12.5%;80;90 'it''s'=3c 'time'=0.002s;;;0");
        Assert.Equal("12.5", o.Values["free space"]);
        Assert.Equal("%", o.Performance[0].Unit);
        Assert.Equal("3", o.Values["it's"]);
        Assert.Equal("c", o.Performance[1].Unit);
        Assert.Equal("0.002", o.Values["time"]);
    }

    [Fact]
    public void Undetermined_and_malformed_data_are_handled()
    {
        var o = NagiosOutput.Parse("UNKNOWN | a=U;1;2 broken b= =5 c=-1.5e3ms");
        Assert.Equal("U", o.Values["a"]);
        Assert.False(o.Values.ContainsKey("broken"));
        Assert.False(o.Values.ContainsKey("b"));
        Assert.Equal("-1.5e3", o.Values["c"]);
        Assert.Equal("ms", o.Performance.Single(p => p.Label == "c").Unit);
    }

    [Fact]
    public void Output_without_performance_data_is_only_text()
    {
        var o = NagiosOutput.Parse("WARNING: all fine\n");
        Assert.Equal("WARNING: all fine", o.Text);
        Assert.Empty(o.Performance);
        Assert.Equal("", NagiosOutput.Parse("").Text);
    }
}
