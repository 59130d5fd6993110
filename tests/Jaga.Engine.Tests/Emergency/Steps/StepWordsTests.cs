using Jaga.Core.Messages;
using Jaga.Engine.Emergency.Steps;

namespace Jaga.Engine.Tests.Emergency.Steps;

public sealed class StepWordsTests
{
    [Fact]
    public void Every_step_outcome_and_dry_run_label_has_a_word_in_both_languages()
    {
        foreach (var catalog in new[] { Catalog.English, Catalog.Indonesian })
        {
            Assert.All(Enum.GetValues<StepOutcome>(), v => Assert.NotEmpty(catalog.Word("step", v)));
            Assert.All(Enum.GetValues<DryRunLabel>(), v => Assert.NotEmpty(catalog.Word("dryrun", v)));
        }
        Assert.Equal("timed out", Catalog.English.Word("step", StepOutcome.TimedOut));
        Assert.Equal("prasyarat diperiksa", Catalog.Indonesian.Word("dryrun", DryRunLabel.PreconditionsChecked));
    }
}
