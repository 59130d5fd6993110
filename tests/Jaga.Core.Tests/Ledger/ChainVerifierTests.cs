using Jaga.Core.Ledger;

namespace Jaga.Core.Tests.Ledger;

public sealed class ChainVerifierTests
{
    [Fact]
    public void Sealed_chain_is_accepted_whole()
    {
        var entries = Chains.Build(5);
        var verifier = new ChainVerifier();

        Assert.All(entries, e => Assert.True(verifier.Add(e)));
        Assert.Null(verifier.Problem);
        Assert.Equal(5, verifier.Count);
        Assert.Same(entries[4], verifier.Last);
    }

    [Fact]
    public void Each_entry_links_to_the_hash_of_the_one_before()
    {
        var entries = Chains.Build(3);

        Assert.Equal(AuditEntry.Genesis, entries[0].Prev);
        Assert.Equal(entries[0].Hash, entries[1].Prev);
        Assert.Equal(entries[1].Hash, entries[2].Prev);
        Assert.All(entries, e => Assert.Matches("^[0-9a-f]{64}$", e.Hash));
    }

    [Fact]
    public void Edited_message_is_found_at_its_entry()
    {
        var entries = Chains.Build(5);
        entries[2] = entries[2] with { Message = "Backup database selesai: backup/db_other.sql" };

        var problem = Chains.Verify(entries);

        Assert.Equal((3L, AuditProblemKind.Edited), (problem!.Seq, problem.Kind));
        Assert.StartsWith($"entry #3 was edited: its content no longer matches its hash (stored {entries[2].Hash[..12]}…, computed ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Edited_data_time_or_actor_is_found()
    {
        var entries = Chains.Build(3);

        Assert.Equal(AuditProblemKind.Edited, Chains.Verify([entries[0], entries[1] with { Data = new Dictionary<string, string> { ["file"] = "x", ["job"] = "db" } }])!.Kind);
        Assert.Equal(AuditProblemKind.Edited, Chains.Verify([entries[0], entries[1] with { Time = entries[1].Time.AddMilliseconds(1) }])!.Kind);
        Assert.Equal(AuditProblemKind.Edited, Chains.Verify([entries[0] with { Actor = "mallory" }])!.Kind);
    }

    [Fact]
    public void Deleted_entry_is_found_as_a_gap_in_the_sequence()
    {
        var entries = Chains.Build(5);
        entries.RemoveAt(2);

        var problem = Chains.Verify(entries);

        Assert.Equal(new AuditProblem(3, AuditProblemKind.Deleted, "entry #3 is missing: the sequence jumps from #2 to #4 (deleted)"), problem);
    }

    [Fact]
    public void Several_deleted_entries_are_named_as_a_range()
    {
        var entries = Chains.Build(6);
        entries.RemoveRange(2, 2);

        Assert.Equal(new AuditProblem(3, AuditProblemKind.Deleted, "entries #3–#4 are missing: the sequence jumps from #2 to #5 (deleted)"), Chains.Verify(entries));
    }

    [Fact]
    public void Edited_and_rehashed_entry_breaks_the_link_of_the_next_one()
    {
        var entries = Chains.Build(5);
        var forged = AuditEntry.Seal(Chains.Draft(3) with { Message = "Backup database selesai: backup/db_forged.sql" }, 3, entries[1].Hash);
        entries[2] = forged;

        var problem = Chains.Verify(entries);

        Assert.Equal((4L, AuditProblemKind.Relinked), (problem!.Seq, problem.Kind));
        Assert.Equal(
            $"entry #4 does not follow #3: its previous-hash {entries[3].Prev[..12]}… is not #3's hash {forged.Hash[..12]}… (entry #3 was rewritten and re-hashed, or replaced)",
            problem.Message);
    }

    [Fact]
    public void Chain_whose_first_entries_were_cut_and_renumbered_does_not_start_at_genesis()
    {
        var entries = Chains.Build(3);
        var renumbered = AuditEntry.Seal(Chains.Draft(2), 1, entries[0].Hash);

        var problem = Chains.Verify([renumbered]);

        Assert.Equal(new AuditProblem(1, AuditProblemKind.Relinked, "entry #1 does not start the chain: its previous-hash is not the genesis value (entries before it were removed)"), problem);
    }

    [Fact]
    public void Two_entries_with_swapped_contents_are_diagnosed_as_reordered()
    {
        var entries = Chains.Build(5);
        var (second, third) = (entries[1], entries[2]);
        entries[1] = third with { Seq = 2 };
        entries[2] = second with { Seq = 3 };

        var problem = Chains.Verify(entries)!;
        var refined = ChainDiagnosis.Refine(problem, entries);

        Assert.Equal((2L, AuditProblemKind.Edited), (problem.Seq, problem.Kind));
        Assert.Equal(new AuditProblem(2, AuditProblemKind.Reordered,
            "entries were reordered: the entry stored as #2 (\"Backup database selesai: backup/db_3.sql\") was written after the one stored as #3"), refined);
    }

    [Fact]
    public void Refining_a_plain_edit_keeps_it_an_edit()
    {
        var entries = Chains.Build(4);
        entries[1] = entries[1] with { Message = "changed" };
        var problem = Chains.Verify(entries)!;

        Assert.Same(problem, ChainDiagnosis.Refine(problem, entries));
    }

    [Fact]
    public void Refining_a_deletion_keeps_it_a_deletion()
    {
        var entries = Chains.Build(4);
        entries.RemoveAt(1);
        var problem = Chains.Verify(entries)!;

        Assert.Same(problem, ChainDiagnosis.Refine(problem, entries));
    }

    [Fact]
    public void Tampered_level_fails_the_hash_instead_of_being_read_as_info()
    {
        var entries = Chains.Build(3);
        var stored = entries[1] with { Level = SeverityText.FromStored("INF0") };

        var problem = Chains.Verify([entries[0], stored, entries[2]]);

        Assert.Equal("INVALID", stored.Level.ToText());
        Assert.Equal((2L, AuditProblemKind.Edited), (problem!.Seq, problem.Kind));
    }

    [Fact]
    public void Stored_levels_are_read_exactly()
    {
        Assert.Equal(Severity.Info, SeverityText.FromStored("INFO"));
        Assert.Equal(Severity.Warn, SeverityText.FromStored("WARN"));
        Assert.Equal(Severity.Error, SeverityText.FromStored("ERROR"));
        Assert.Equal("INVALID", SeverityText.FromStored("info").ToText());
        Assert.Equal("INVALID", SeverityText.FromStored("WARNING").ToText());
        Assert.Null(Chains.Verify(Chains.Build(3).Select(e => e with { Level = SeverityText.FromStored(e.Level.ToText()) })));
    }

    [Theory]
    [InlineData("info", Severity.Info)]
    [InlineData(" WARN ", Severity.Warn)]
    [InlineData("warning", Severity.Warn)]
    [InlineData("Error", Severity.Error)]
    public void Levels_typed_by_people_are_read_leniently(string text, Severity expected)
    {
        Assert.True(SeverityText.TryParse(text, out var level));
        Assert.Equal(expected, level);
        Assert.False(SeverityText.TryParse("debug", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-")]
    [InlineData("0123")]
    public void Malformed_stored_hash_is_an_edit(string hash)
    {
        var entries = Chains.Build(1);

        Assert.Equal(AuditProblemKind.Edited, Chains.Verify([entries[0] with { Hash = hash }])!.Kind);
    }

    [Fact]
    public void Verifier_stops_at_the_first_problem()
    {
        var entries = Chains.Build(4);
        entries[1] = entries[1] with { Message = "changed" };
        var verifier = new ChainVerifier();

        var accepted = entries.TakeWhile(verifier.Add).Count();

        Assert.Equal(1, accepted);
        Assert.False(verifier.Add(entries[2]));
        Assert.Equal(2, verifier.Problem!.Seq);
        Assert.Equal(1, verifier.Count);
    }
}
