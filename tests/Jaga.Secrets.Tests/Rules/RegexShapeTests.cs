using System.Text;
using System.Text.RegularExpressions;
using Jaga.Core.Secrets;

namespace Jaga.Secrets.Tests.Rules;

/// <summary>A rule run only around its rare characters finds exactly what it finds over the whole text.</summary>
public sealed class RegexShapeTests
{
    private static Regex Rule(string id) => JagaRules.Default.Rules.Single(r => r.Id == id).Pattern!;

    [Fact]
    public void The_generic_rule_is_anchored_on_its_assignment_and_bounded()
    {
        var shape = RegexShape.Of(Rule("generic-secret"));
        Assert.NotNull(shape);
        // client[_-]?secret (13) + [\w.-]{0,20} + [\s'"]{0,3} before the operator; + :=/=> (2) + {0,5} + {8,200} + 2 after.
        Assert.Equal((":=", 36, 245), (shape.AnchorText, shape.Lead, shape.MaxLength));
    }

    [Theory]
    [InlineData("url-password")] // begins with the literal "://", which .NET already searches for
    [InlineData("connection-string-password")] // \s* before '=': no bound on where it is
    [InlineData("github-pat")] // no rare character
    [InlineData("private-key")] // {64,}?: unbounded
    public void Rules_the_shape_would_not_help_run_as_before(string id) => Assert.Null(RegexShape.Of(Rule(id)));

    [Theory]
    [InlineData(@"(?x)a = b")]
    [InlineData(@"(a)=\1")]
    [InlineData(@"a(?=b)=")]
    [InlineData(@"[a-[b]]=")]
    [InlineData(@"a=b*")]
    [InlineData(@"a*=b")]
    [InlineData(@"a=|b")]
    [InlineData(@"(?:a=)?b")]
    public void What_the_reader_cannot_bound_has_no_shape(string pattern) => Assert.Null(RegexShape.Of(pattern));

    [Theory]
    [InlineData(@"x{2,3}[=:]y{1,4}", ":=", 3, 8)]
    [InlineData(@"(?i)(?:ab|cde)\s?(?:=|=>|@)", "=@", 4, 6)]
    [InlineData(@"\b[0-9]{8,10}:AA\w{2}\b", ":", 10, 15)]
    [InlineData(@"\w{,2}=", "{", 1, 6)] // "{,2}" is literal text in .NET, and '{' a rare character
    public void Lead_and_length_are_read_from_the_pattern(string pattern, string anchors, int lead, int max)
    {
        var shape = RegexShape.Of(pattern);
        Assert.NotNull(shape);
        Assert.Equal((anchors, lead, max), (shape.AnchorText, shape.Lead, shape.MaxLength));
    }

    public static TheoryData<string> Shaped() =>
    [
        .. JagaRules.Default.Rules.Where(r => r.Pattern is not null && RegexShape.Of(r.Pattern) is not null).Select(r => r.Pattern!.ToString()),
        @"\bk[=:]v{1,30}$",
        @"(?m)^k{0,3}=v{0,3}$",
        @"(?i)(?:key|k)\s?=\s?(\w{3,12})\b",
    ];

    [Theory]
    [MemberData(nameof(Shaped))]
    public void Matches_around_the_anchors_are_the_matches_over_the_whole_text(string pattern)
    {
        var regex = SecretPatterns.Compile(pattern);
        var shape = RegexShape.Of(regex)!;
        var total = 0;
        foreach (var text in Texts())
        {
            var expected = Spans(regex.Matches(text));
            Assert.Equal(expected, Spans(shape.Matches(regex, text)));
            total += expected.Count;
        }
        Assert.True(total > 50, $"the texts hold only {total} matches of {pattern}");
    }

    [Fact]
    public void A_lead_shorter_than_the_pattern_allows_is_caught_by_the_comparison()
    {
        // The comparison above can fail: a shape that claims the '=' is at the very start misses "password=…".
        var regex = Rule("generic-secret");
        var wrong = RegexShape.Of(regex)! with { Lead = 0 };
        var text = "password=" + Fake.Chars(20) + "\n";
        Assert.Single(regex.Matches(text));
        Assert.Empty(wrong.Matches(regex, text));
    }

    private static List<(int, int, string)> Spans(IEnumerable<Match> matches) =>
        [.. matches.Select(m => (m.Index, m.Length, string.Join("|", m.Groups.Values.Skip(1).Select(g => $"{g.Index}:{g.Length}"))))];

    /// <summary>Texts made of the pieces these patterns are built from, in random order: names, operators, quotes, line
    /// ends, short and long values (around the 200-character bound), anchors at the very start and end.</summary>
    private static IEnumerable<string> Texts()
    {
        string[] pieces =
        [
            "password", "PASSWD", "api_key", "apikey", "client-secret", "token", "secret", "key", "k", "v", "x", "aws", "AA",
            " ", "  ", "\t", "=", ":", ":=", "=>", "\"", "'", "`", "\n", "\r\n", ";", ",", ")", "\\n", "@", "${X}",
            "12345678", "1234567890", "123456789:AA" + Fake.Chars(33, seed: 6), "12345678:AA" + Fake.Chars(30), Fake.Chars(8), Fake.Chars(12, seed: 2), Fake.Chars(33, seed: 3), Fake.Chars(150, seed: 4), Fake.Chars(199, seed: 5),
        ];
        var random = new Random(11);
        for (var i = 0; i < 400; i++)
        {
            var sb = new StringBuilder();
            var count = random.Next(1, 120);
            for (var j = 0; j < count; j++) sb.Append(pieces[random.Next(pieces.Length)]);
            if (i % 5 == 0) sb.Append(" k=vvvv");
            if (i % 7 == 0) sb.Append("k:vvvv\n");
            if (i % 3 == 0) sb.Append("\nk=vv\n=\n");
            yield return sb.ToString();
        }
        // Many anchors in a row (one long run) and a text longer than a run.
        yield return string.Concat(Enumerable.Repeat("password=" + Fake.Chars(10) + " ", 800));
    }
}
