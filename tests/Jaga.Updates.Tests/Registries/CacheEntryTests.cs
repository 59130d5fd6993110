using Jaga.Engine.Updates.Registries;

namespace Jaga.Updates.Tests.Registries;

public sealed class CacheEntryTests
{
    [Fact]
    public void An_entry_reads_back_with_its_validators_and_its_body_byte_for_byte()
    {
        byte[] body = [0, 10, 13, 255, (byte)'{', (byte)'\n'];
        var entry = new CacheEntry("http://127.0.0.1:1/simple/x/", "\"abc\"", "Mon, 07 Dec 2026 01:00:00 GMT", "text/html", new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero)) { Body = body };

        var read = CacheEntry.FromBytes(entry.ToBytes());

        Assert.NotNull(read);
        Assert.Equal(body, read.Body);
        Assert.Equal(entry with { Body = read.Body }, read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no newline at all")]
    [InlineData("not json\nbody")]
    public void A_file_that_is_not_an_entry_is_only_a_miss(string text) =>
        Assert.Null(CacheEntry.FromBytes(System.Text.Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void A_cache_file_name_is_a_hash_that_tells_nothing_of_the_url()
    {
        var name = RegistryHttpCache.FileName(new Uri("https://npm.example/@acme%2fsecret-project"), "application/json");

        Assert.Matches("^[0-9a-f]{64}\\.entry$", name);
        Assert.NotEqual(name, RegistryHttpCache.FileName(new Uri("https://npm.example/@acme%2fsecret-project"), "text/html"));
    }
}
