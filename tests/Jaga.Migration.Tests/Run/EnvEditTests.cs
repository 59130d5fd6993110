using Jaga.Core.Env;
using Jaga.Core.Errors;
using Jaga.Core.Interpolation;
using Jaga.Core.Messages;
using Jaga.Testing;

namespace Jaga.Migration.Tests.Run;

/// <summary>Setting keys in an env file's text: everything else kept, every reader reads the value back as given.</summary>
public sealed class EnvEditTests
{
    private static readonly Catalog En = Catalog.English;

    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private static EnvEdited Set(string text, params (string Key, string Value)[] values) =>
        EnvEdit.Set(text, ".env.production", [.. values.Select(v => KeyValuePair.Create(v.Key, v.Value))], En, Key);

    [Fact]
    public void Setting_a_key_rewrites_only_its_value_keeping_comments_order_export_spacing_and_trailing_comments()
    {
        const string text = "# production values\nexport DATABASE_URL = postgres://old@db/app   # the main db\n\nS3_KEY='abc'  # key\nDEBUG=1\n";

        var edited = Set(text, ("DATABASE_URL", "postgres://new@db/app"), ("S3_KEY", "x y"));

        Assert.Equal("# production values\nexport DATABASE_URL = postgres://new@db/app   # the main db\n\nS3_KEY='x y'  # key\nDEBUG=1\n", edited.Text);
        Assert.Equal([EnvChange.Changed, EnvChange.Changed], edited.Changes.Select(c => c.Change));
    }

    [Fact]
    public void A_new_key_is_appended_on_its_own_line_also_after_a_last_line_without_a_line_feed()
    {
        Assert.Equal("A=1\nB=2\n", Set("A=1", ("B", "2")).Text);
        Assert.Equal("B=2\n", Set("", ("B", "2")).Text);
        Assert.Equal(EnvChange.Added, Set("A=1\n", ("B", "2")).Changes.Single().Change);
    }

    [Fact]
    public void A_key_assigned_twice_has_its_last_assignment_rewritten_the_one_readers_use()
    {
        var edited = Set("A=first\nB=x\nA=second\n", ("A", "third"));

        Assert.Equal("A=first\nB=x\nA=third\n", edited.Text);
        Assert.Equal("third", EnvFile.Parse(edited.Text, "f").Values["A"]);
    }

    [Fact]
    public void A_value_spanning_lines_is_replaced_whole_and_the_lines_after_it_stay()
    {
        var edited = Set("A=\"line one\nline two\" # note\nB=2\n", ("A", "short"));

        Assert.Equal("A=short # note\nB=2\n", edited.Text);
    }

    [Fact]
    public void Windows_line_ends_are_kept()
    {
        var edited = Set("A=1\r\nB=2\r\n", ("A", "9"), ("C", "3"));

        Assert.Equal("A=9\r\nB=2\r\nC=3\r\n", edited.Text);
    }

    [Fact]
    public void The_same_value_again_leaves_the_text_as_it_was_and_says_unchanged()
    {
        var edited = Set("A='x y'\n", ("A", "x y"));

        Assert.Equal("A='x y'\n", edited.Text);
        Assert.Equal(EnvChange.Unchanged, edited.Changes.Single().Change);
        Assert.Equal(EnvValue.Hmac("x y", Key), edited.Changes.Single().ValueHmac);
    }

    public static TheoryData<string> HardValues => new()
    {
        "", "plain", "postgres://u:p%40ss@h:5432/db?sslmode=require&x=1", "with space", "it's", "say \"hi\"", "$HOME and ${X} and `id`",
        "back\\slash\\n", "line one\nline two", "# not a comment", "trailing space ", " leading", "ünïcödé 🚀", "a #b", "'quoted'", "=equals=",
        "~/home", "multi\n\nblank\n", "\\", "\"", "'", "$",
    };

    [Theory]
    [MemberData(nameof(HardValues))]
    public void Jagas_reader_reads_back_exactly_the_value_set(string value)
    {
        var edited = Set("# c\nOTHER=keep\n", ("KEY", value));

        var read = EnvFile.Parse(edited.Text, "f");
        Assert.Empty(read.Errors);
        Assert.Equal(value, read.Values["KEY"]);
        Assert.Equal("keep", read.Values["OTHER"]);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task A_shell_sourcing_the_file_reads_back_exactly_the_values_set()
    {
        var dir = Directory.CreateTempSubdirectory("jaga-envsh-").FullName;
        try
        {
            var values = HardValues.Cast<object[]>().Select((v, i) => (Key: $"K{i}", Value: (string)v[0])).ToArray();
            var file = Path.Combine(dir, "env");
            File.WriteAllText(file, Set("", values).Text);
            foreach (var (key, value) in values)
            {
                var read = await ChildProcess.RunAsync("bash", ["-c", $"set -a; . '{file}'; printf '%s' \"${key}\""], TimeSpan.FromSeconds(30));
                Assert.True(read.ExitCode == 0, read.Output);
                // ChildProcess keeps lines: compare line by line, as the value's own line feeds come back as lines.
                Assert.Equal(value.TrimEnd('\n').Split('\n'), read.Output.TrimEnd('\n').Split('\n'));
            }
        }
        finally
        {
            FixtureFolders.TryDelete(dir);
        }
    }

    [Theory]
    [InlineData("A\0B")]
    [InlineData("windows\r\nline")]
    public void A_value_no_env_file_can_keep_is_refused_naming_the_key_not_the_value(string value)
    {
        var e = Assert.Throws<UserException>(() => Set("", ("SECRET_KEY", value)));

        Assert.Contains("SECRET_KEY", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("A=B")]
    [InlineData("A\nB")]
    [InlineData("KEY\n")]
    [InlineData("1ABC")]
    [InlineData("WITH SPACE")]
    [InlineData("ünï")]
    public void A_key_that_is_not_a_variable_name_is_refused(string key)
    {
        var e = Assert.Throws<UserException>(() => Set("", (key, "value")));

        Assert.Contains("not a variable name", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_key_given_twice_is_refused()
    {
        Assert.Throws<UserException>(() => Set("", ("A", "1"), ("A", "2")));
    }

    [Fact]
    public void A_file_that_does_not_read_is_not_edited_and_its_line_is_named_without_its_text()
    {
        var e = Assert.Throws<UserException>(() => Set("A=1\nnot a line with secret-xyz\n", ("B", "2")));

        Assert.Contains(".env.production:2:1", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-xyz", e.Message, StringComparison.Ordinal);
    }
}
