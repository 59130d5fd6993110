using Jaga.Core.Errors;
using Jaga.Core.Storage;

namespace Jaga.Core.Tests.Storage;

public sealed class SchemaMigratorTests
{
    private static readonly SchemaStep[] Steps =
    [
        new(1, "audit", "CREATE a"),
        new(2, "catalog", "CREATE b"),
        new(3, "ledger", "CREATE c"),
    ];

    [Fact]
    public void A_new_store_gets_every_step_in_version_order_whatever_order_the_store_lists_them_in()
    {
        Assert.Equal(Steps, SchemaMigrator.Pending([Steps[2], Steps[0], Steps[1]], []));
    }

    [Fact]
    public void Steps_already_applied_are_left_out_and_a_store_at_the_last_version_gets_none()
    {
        Assert.Equal([Steps[2]], SchemaMigrator.Pending(Steps, [1, 2]));
        Assert.Equal([Steps[1]], SchemaMigrator.Pending(Steps, [1, 3]));
        Assert.Empty(SchemaMigrator.Pending(Steps, [1, 2, 3]));
    }

    [Fact]
    public void A_store_with_a_version_newer_than_the_last_step_is_refused_as_written_by_a_newer_jaga()
    {
        var e = Assert.Throws<UserException>(() => SchemaMigrator.Pending(Steps, [1, 2, 3, 4]));

        Assert.Contains("version 4, newer than this jaga knows (3)", e.Message, StringComparison.Ordinal);
        Assert.NotNull(e.Hint);
    }

    [Theory]
    [InlineData(new[] { 1, 1, 2 })]
    [InlineData(new[] { 1, 3 })]
    [InlineData(new[] { 2, 3 })]
    [InlineData(new[] { 0, 1 })]
    public void Steps_not_numbered_one_to_n_are_a_bug_in_the_store(int[] versions)
    {
        Assert.Throws<ArgumentException>(() => SchemaMigrator.Pending([.. versions.Select(v => new SchemaStep(v, "x", "y"))], []));
    }

    [Fact]
    public async Task Migrating_reads_the_applied_versions_first_then_applies_the_pending_steps_in_order_at_the_clocks_time()
    {
        var session = new RecordingSession([1]);
        var clock = new FixedClock(new DateTimeOffset(2025, 11, 15, 1, 0, 0, TimeSpan.Zero));

        var applied = await SchemaMigrator.MigrateAsync(Steps, session, clock, CancellationToken.None);

        Assert.Equal([Steps[1], Steps[2]], applied);
        Assert.Equal(["applied?", "2 catalog at 2025-11-15T01:00:00.0000000+00:00", "3 ledger at 2025-11-15T01:00:00.0000000+00:00"], session.Calls);
    }

    [Fact]
    public async Task Migrating_a_newer_store_applies_nothing()
    {
        var session = new RecordingSession([1, 2, 3, 4]);

        await Assert.ThrowsAsync<UserException>(() => SchemaMigrator.MigrateAsync(Steps, session, new FixedClock(DateTimeOffset.UnixEpoch), CancellationToken.None));

        Assert.Equal(["applied?"], session.Calls);
    }

    private sealed class RecordingSession(int[] applied) : ISchemaSession
    {
        public List<string> Calls { get; } = [];

        public Task<IReadOnlyCollection<int>> AppliedAsync(CancellationToken ct)
        {
            Calls.Add("applied?");
            return Task.FromResult<IReadOnlyCollection<int>>(applied);
        }

        public Task ApplyAsync(SchemaStep step, DateTimeOffset at, CancellationToken ct)
        {
            Calls.Add($"{step.Version} {step.Name} at {at:O}");
            return Task.CompletedTask;
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
