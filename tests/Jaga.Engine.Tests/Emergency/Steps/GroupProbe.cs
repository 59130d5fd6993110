using System.Globalization;
using System.Text.RegularExpressions;

namespace Jaga.Engine.Tests.Emergency.Steps;

/// <summary>What the tests read of processes, from /proc directly (not through the code under test): a process's state
/// and group, and whether any live process is left in a group.</summary>
internal static partial class GroupProbe
{
    public static (char State, int Group, int Session)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[2], CultureInfo.InvariantCulture), int.Parse(fields[3], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Live (not zombie) processes whose group is <paramref name="pgid"/>.</summary>
    public static List<int> LiveMembers(int pgid) =>
        [.. Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Where(n => n!.All(char.IsAsciiDigit))
            .Select(n => int.Parse(n!, CultureInfo.InvariantCulture))
            .Where(pid => Stat(pid) is { } s && s.Group == pgid && s.State != 'Z')];

    public static bool IsAlive(int pid) => Stat(pid) is { } s && s.State != 'Z';

    /// <summary>The number after <c>name=</c> in <paramref name="output"/>.</summary>
    public static int Number(string output, string name)
    {
        var match = Regex.Match(output, $@"\b{name}=(\d+)");
        Assert.True(match.Success, $"no {name}= in: {output}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
