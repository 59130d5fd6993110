using System.Net.Http.Headers;
using Jaga.Core.Updates.Registries;

namespace Jaga.Updates.Tests.Registries;

public sealed class RegistryFreshnessTests
{
    private static readonly DateTimeOffset Stored = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    [Theory]
    [InlineData("no-cache", 0)]
    [InlineData("no-store", 0)]
    [InlineData("public, max-age=300", 300)]
    [InlineData("max-age=0", 0)]
    public void Cache_Control_sets_the_registrys_own_limit(string header, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RegistryFreshness.Limit(CacheControlHeaderValue.Parse(header)));

    [Fact]
    public void Without_max_age_or_no_cache_the_registry_sets_no_limit()
    {
        Assert.Null(RegistryFreshness.Limit(null));
        Assert.Null(RegistryFreshness.Limit(CacheControlHeaderValue.Parse("public")));
    }

    [Fact]
    public void Without_a_limit_an_answer_is_fresh_for_the_window_and_no_longer()
    {
        Assert.True(RegistryFreshness.IsFresh(Stored, null, Window, Stored));
        Assert.True(RegistryFreshness.IsFresh(Stored, null, Window, Stored + TimeSpan.FromMinutes(9)));
        Assert.False(RegistryFreshness.IsFresh(Stored, null, Window, Stored + Window));
    }

    [Fact]
    public void A_max_age_shorter_than_the_window_ends_freshness_sooner_and_a_longer_one_does_not_extend_it()
    {
        Assert.False(RegistryFreshness.IsFresh(Stored, TimeSpan.FromMinutes(5), Window, Stored + TimeSpan.FromMinutes(6)));
        Assert.False(RegistryFreshness.IsFresh(Stored, TimeSpan.FromDays(365), Window, Stored + TimeSpan.FromMinutes(11)));
        Assert.False(RegistryFreshness.IsFresh(Stored, TimeSpan.Zero, Window, Stored + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void A_zero_window_asks_every_time_and_a_store_time_in_the_future_is_not_fresh()
    {
        Assert.False(RegistryFreshness.IsFresh(Stored, null, TimeSpan.Zero, Stored));
        Assert.False(RegistryFreshness.IsFresh(Stored, null, Window, Stored - TimeSpan.FromMinutes(1)));
    }
}
