using Jaga.Engine.Backup.Sources;

namespace Jaga.Sources.Tests;

/// <summary>A file read for a tar entry yields exactly the length its header announced.</summary>
public sealed class ExactLengthStreamTests
{
    [Fact]
    public async Task A_longer_file_is_cut_at_the_announced_length()
    {
        await using var s = new ExactLengthStream(new MemoryStream(new byte[] { 1, 2, 3, 4, 5 }), 3);
        using var read = new MemoryStream();
        await s.CopyToAsync(read);

        Assert.Equal(new byte[] { 1, 2, 3 }, read.ToArray());
        Assert.False(s.Shrank);
    }

    [Fact]
    public void A_shorter_file_is_padded_with_zeros()
    {
        using var s = new ExactLengthStream(new MemoryStream(new byte[] { 7, 8 }), 5);
        using var read = new MemoryStream();
        s.CopyTo(read);

        Assert.Equal(new byte[] { 7, 8, 0, 0, 0 }, read.ToArray());
        Assert.True(s.Shrank);
    }
}
