using Jaga.Core.Env;
using Jaga.Core.Interpolation;

namespace Jaga.Migration.Tests.Run;

public sealed class EnvDiffTests
{
    [Fact]
    public void Missing_extra_and_empty_keys_are_listed_in_file_order_without_values()
    {
        var example = EnvFile.Parse("# needed\nDATABASE_URL=\nAPI_TOKEN=\nSMTP_URL=\n", ".env.example");
        var production = EnvFile.Parse("DEBUG=1\nSMTP_URL=\nDATABASE_URL=postgres://x\nEXTRA=2\n", ".env.production");

        var diff = EnvDiff.Of(example, production);

        Assert.Equal(["API_TOKEN"], diff.Missing);
        Assert.Equal(["DEBUG", "EXTRA"], diff.Extra);
        Assert.Equal(["SMTP_URL"], diff.Empty);
        Assert.Equal(2, diff.Shared);
    }

    [Fact]
    public void The_same_keys_make_an_empty_diff()
    {
        var diff = EnvDiff.Of(EnvFile.Parse("A=\nB=\n", "x"), EnvFile.Parse("export B=2\nA=1\n", "y"));

        Assert.Empty(diff.Missing);
        Assert.Empty(diff.Extra);
        Assert.Equal(2, diff.Shared);
    }
}
