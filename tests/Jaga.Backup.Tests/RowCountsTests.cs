using Jaga.Engine.Backup;

namespace Jaga.Backup.Tests;

public sealed class RowCountsTests
{
    [Fact]
    public void Equal_counts_have_no_problems() =>
        Assert.Empty(RowCounts.Compare(new Dictionary<string, long> { ["public.a"] = 1 }, new Dictionary<string, long> { ["public.a"] = 1 }));

    [Fact]
    public void Every_difference_is_named()
    {
        var problems = RowCounts.Compare(
            new Dictionary<string, long> { ["public.a"] = 1, ["public.b"] = 2 },
            new Dictionary<string, long> { ["public.a"] = 3, ["public.c"] = 4 });
        Assert.Equal(["public.a: 1 in the manifest, 3 restored", "public.b: missing after the restore", "public.c: restored but not in the manifest"], problems);
    }
}
