using Jaga.Core.Conditions;
using Jaga.Core.Monitoring;

namespace Jaga.Core.Tests.Conditions;

/// <summary>Gatus's own test cases for conditions (TwiN/gatus <c>config/endpoint/condition_test.go</c>, TestCondition_Validate
/// and TestCondition_evaluate) and for <c>pat()</c> (<c>pattern/pattern_test.go</c>, plus the vectors of Go's
/// <c>filepath.Match</c>, which Gatus's pattern is), each with Gatus's expected result. Where Jaga deliberately differs the
/// case names the difference, and docs/monitoring.md lists it under "Differences from Gatus".</summary>
public sealed class GatusConditionCasesTests
{
    /// <summary>The deliberate differences, each with the words its bullet in docs/monitoring.md starts with.</summary>
    public enum Differs
    {
        None,

        /// <summary>Jaga refuses the condition when the plan loads; Gatus accepts it.</summary>
        RefusedAtLoad,

        /// <summary>An absent value fails the condition; Gatus compares an empty or zero value.</summary>
        AbsentFails,

        /// <summary>len() of a JSON object counts its keys; Gatus counts the characters of its text.</summary>
        LenCountsKeys,

        /// <summary>A '/' is a plain character in pat(); Gatus deletes every '/' before matching.</summary>
        SlashIsPlain,

        /// <summary>[!…] is a negated class, as in shell globs; in Gatus '!' is a plain character of the class.</summary>
        BangNegates,
    }

    private static readonly Dictionary<Differs, string> DocBullet = new()
    {
        [Differs.RefusedAtLoad] = "**Refused at load**",
        [Differs.AbsentFails] = "**An absent value fails**",
        [Differs.LenCountsKeys] = "**`len()` of a JSON object counts its keys**",
        [Differs.SlashIsPlain] = "**`/` is a plain character in `pat()`**",
        [Differs.BangNegates] = "**`[!…]` is a negated class**",
    };

    private static CheckObservation Seen(int? status = null, string? body = null, int ms = 0, bool connected = true, string? ip = null,
        TimeSpan? certificate = null) =>
        new(connected, TimeSpan.FromMilliseconds(ms))
        {
            Status = status,
            Body = body,
            CertificateExpiration = certificate,
            Values = ip is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["IP"] = ip },
        };

    public static TheoryData<string, bool, Differs> Validate => new()
    {
        { "[STATUS] == 200", true, Differs.None },
        { "[STATUS] != 200", true, Differs.None },
        { "[STATUS] <= 200", true, Differs.None },
        { "[STATUS] >= 200", true, Differs.None },
        { "[STATUS] < 200", true, Differs.None },
        { "[STATUS] > 200", true, Differs.None },
        { "[STATUS] == any(200, 201, 202, 203)", true, Differs.None },
        { "[STATUS] == [BODY].status", true, Differs.None },
        { "[CONNECTED] == true", true, Differs.None },
        { "[RESPONSE_TIME] < 500", true, Differs.None },
        { "[IP] == 127.0.0.1", true, Differs.None },
        { "[BODY] == 1", true, Differs.None },
        { "[BODY].test == wat", true, Differs.None },
        { "[BODY].test.wat == wat", true, Differs.None },
        { "[BODY].age == [BODY].id", true, Differs.None },
        { "[BODY].users[0].id == 1", true, Differs.None },
        { "len([BODY].users) == 100", true, Differs.None },
        { "len([BODY].data) < 5", true, Differs.None },
        { "has([BODY].errors) == false", true, Differs.None },
        { "has([BODY].users[0].name) == true", true, Differs.None },
        { "[BODY].name == pat(john*)", true, Differs.None },
        { "[CERTIFICATE_EXPIRATION] > 48h", true, Differs.None },
        { "[DOMAIN_EXPIRATION] > 720h", true, Differs.None },
        { "raw == raw", true, Differs.RefusedAtLoad },
        { "[STATUS] ? 201", false, Differs.None },
        { "[STATUS]==201", false, Differs.None },
        { "[STATUS] = = 201", false, Differs.None },
        { "[STATUS] ==", false, Differs.None },
        { "[STATUS]", false, Differs.None },
    };

    [Theory]
    [MemberData(nameof(Validate))]
    public void Gatus_validation_cases(string condition, bool gatusAccepts, Differs differs)
    {
        var accepted = Condition.TryParse(condition, out _, out var problem);

        Assert.Equal(differs == Differs.RefusedAtLoad ? false : gatusAccepts, accepted);
        if (!accepted) Assert.NotNull(problem);
    }

    public static TheoryData<string, string, CheckObservation, bool, Differs> Evaluate => new()
    {
        { "ip", "[IP] == 127.0.0.1", Seen(ip: "127.0.0.1"), true, Differs.None },
        { "status", "[STATUS] == 200", Seen(200), true, Differs.None },
        { "status-failure", "[STATUS] == 200", Seen(500), false, Differs.None },
        { "status-using-less-than", "[STATUS] < 300", Seen(201), true, Differs.None },
        { "status-using-less-than-failure", "[STATUS] < 300", Seen(404), false, Differs.None },
        { "response-time-using-less-than", "[RESPONSE_TIME] < 500", Seen(ms: 50), true, Differs.None },
        { "response-time-using-less-than-with-duration", "[RESPONSE_TIME] < 1s", Seen(ms: 50), true, Differs.None },
        { "response-time-using-less-than-invalid", "[RESPONSE_TIME] < potato", Seen(ms: 50), false, Differs.RefusedAtLoad },
        { "response-time-using-greater-than", "[RESPONSE_TIME] > 500", Seen(ms: 750), true, Differs.None },
        { "response-time-using-greater-than-with-duration", "[RESPONSE_TIME] > 1s", Seen(ms: 2000), true, Differs.None },
        { "response-time-using-greater-than-or-equal-to-equal", "[RESPONSE_TIME] >= 500", Seen(ms: 500), true, Differs.None },
        { "response-time-using-greater-than-or-equal-to-greater", "[RESPONSE_TIME] >= 500", Seen(ms: 499), false, Differs.None },
        { "response-time-using-less-than-or-equal-to-equal", "[RESPONSE_TIME] <= 500", Seen(ms: 500), true, Differs.None },
        { "response-time-using-less-than-or-equal-to-less", "[RESPONSE_TIME] <= 500", Seen(ms: 25), true, Differs.None },
        { "response-time-using-less-than-or-equal-to-failure", "[RESPONSE_TIME] <= 500", Seen(ms: 750), false, Differs.None },
        { "body", "[BODY] == test", Seen(body: "test"), true, Differs.None },
        { "body-resolved-on-success", "[BODY].status == UP", Seen(body: """{"status":"UP"}"""), true, Differs.None },
        { "body-numerical-equal", "[BODY] == 123", Seen(body: "123"), true, Differs.None },
        { "body-numerical-less-than", "[BODY] < 124", Seen(body: "123"), true, Differs.None },
        { "body-numerical-greater-than", "[BODY] > 122", Seen(body: "123"), true, Differs.None },
        { "body-numerical-greater-than-failure", "[BODY] > 123", Seen(body: "100"), false, Differs.None },
        { "body-jsonpath", "[BODY].status == UP", Seen(body: """{"status":"UP"}"""), true, Differs.None },
        { "body-jsonpath-complex", "[BODY].data.name == john", Seen(body: """{"data": {"id": 1, "name": "john"}}"""), true, Differs.None },
        { "body-jsonpath-complex-invalid", "[BODY].data.name == john", Seen(body: """{"data": {"id": 1}}"""), false, Differs.None },
        { "body-jsonpath-complex-len-invalid", "len([BODY].data.name) == john", Seen(body: """{"data": {"id": 1}}"""), false, Differs.None },
        { "body-jsonpath-double-placeholder", "[BODY].user.firstName != [BODY].user.lastName",
            Seen(body: """{"user": {"firstName": "john", "lastName": "doe"}}"""), true, Differs.None },
        { "body-jsonpath-double-placeholder-failure", "[BODY].user.firstName == [BODY].user.lastName",
            Seen(body: """{"user": {"firstName": "john", "lastName": "doe"}}"""), false, Differs.None },
        { "body-jsonpath-when-body-is-array", "[BODY][0].id == 1", Seen(body: """[{"id": 1}, {"id": 2}]"""), true, Differs.None },
        { "body-jsonpath-when-body-has-null-parameter", "[BODY].data == OK", Seen(body: "{\"data\": null}\""), false, Differs.None },
        { "body-jsonpath-when-body-has-array-with-null", "[BODY].items[0] == OK", Seen(body: "{\"items\": [null, null]}\""), false, Differs.None },
        { "body-jsonpath-when-body-is-null", "[BODY].data == OK", Seen(body: "null"), false, Differs.None },
        { "body-jsonpath-when-body-is-array-but-actual-body-is-not", "[BODY][0].name == test",
            Seen(body: """{"statusCode": 500, "message": "Internal Server Error"}"""), false, Differs.None },
        { "body-jsonpath-complex-int", "[BODY].data.id == 1", Seen(body: """{"data": {"id": 1}}"""), true, Differs.None },
        { "body-jsonpath-complex-array-int", "[BODY].data[1].id == 2", Seen(body: """{"data": [{"id": 1}, {"id": 2}, {"id": 3}]}"""), true, Differs.None },
        { "body-jsonpath-complex-int-using-greater-than", "[BODY].data.id > 0", Seen(body: """{"data": {"id": 1}}"""), true, Differs.None },
        { "body-jsonpath-hexadecimal-int-using-greater-than", "[BODY].data > 0", Seen(body: """{"data": "0x1"}"""), true, Differs.None },
        { "body-jsonpath-hexadecimal-int-using-equal-to-0x1", "[BODY].data == 1", Seen(body: """{"data": "0x1"}"""), true, Differs.None },
        { "body-jsonpath-hexadecimal-int-using-equals", "[BODY].data == 0x1", Seen(body: """{"data": "0x1"}"""), true, Differs.None },
        { "body-jsonpath-hexadecimal-int-using-equal-to-0x2", "[BODY].data == 2", Seen(body: """{"data": "0x2"}"""), true, Differs.None },
        { "body-jsonpath-hexadecimal-int-using-equal-to-0xF", "[BODY].data == 15", Seen(body: """{"data": "0xF"}"""), true, Differs.None },
        { "body-jsonpath-hexadecimal-int-using-equal-to-0xC0ff33", "[BODY].data == 12648243", Seen(body: """{"data": "0xC0ff33"}"""), true, Differs.None },
        { "body-jsonpath-hexadecimal-int-len", "len([BODY].data) == 3", Seen(body: """{"data": "0x1"}"""), true, Differs.None },
        { "body-jsonpath-hexadecimal-int-greater", "[BODY].data >= 1", Seen(body: """{"data": "0x01"}"""), true, Differs.None },
        { "body-jsonpath-hexadecimal-int-0x01-len", "len([BODY].data) == 4", Seen(body: """{"data": "0x01"}"""), true, Differs.None },
        { "body-jsonpath-octal-int-using-greater-than", "[BODY].data > 0", Seen(body: """{"data": "0o1"}"""), true, Differs.None },
        { "body-jsonpath-octal-int-using-equal", "[BODY].data == 2", Seen(body: """{"data": "0o2"}"""), true, Differs.None },
        { "body-jsonpath-octal-int-using-equals", "[BODY].data == 0o2", Seen(body: """{"data": "0o2"}"""), true, Differs.None },
        { "body-jsonpath-binary-int-using-greater-than", "[BODY].data > 0", Seen(body: """{"data": "0b1"}"""), true, Differs.None },
        { "body-jsonpath-binary-int-using-equal", "[BODY].data == 2", Seen(body: """{"data": "0b0010"}"""), true, Differs.None },
        { "body-jsonpath-binary-int-using-equals", "[BODY].data == 0b10", Seen(body: """{"data": "0b0010"}"""), true, Differs.None },
        { "body-jsonpath-complex-int-using-greater-than-failure", "[BODY].data.id > 5", Seen(body: """{"data": {"id": 1}}"""), false, Differs.None },
        { "body-jsonpath-float-using-greater-than-issue433", "[BODY].balance > 100", Seen(body: """{"balance": "123.40000000000005"}"""), true, Differs.None },
        { "body-jsonpath-complex-int-using-less-than", "[BODY].data.id < 5", Seen(body: """{"data": {"id": 2}}"""), true, Differs.None },
        { "body-jsonpath-complex-int-using-less-than-failure", "[BODY].data.id < 5", Seen(body: """{"data": {"id": 10}}"""), false, Differs.None },
        { "connected", "[CONNECTED] == true", Seen(connected: true), true, Differs.None },
        { "connected-failure", "[CONNECTED] == true", Seen(connected: false), false, Differs.None },
        { "certificate-expiration-not-set", "[CERTIFICATE_EXPIRATION] == 0", Seen(), true, Differs.AbsentFails },
        { "certificate-expiration-greater-than-numerical", "[CERTIFICATE_EXPIRATION] > 2419200000", Seen(certificate: TimeSpan.FromDays(60)), true, Differs.None },
        { "certificate-expiration-greater-than-numerical-failure", "[CERTIFICATE_EXPIRATION] > 2419200000", Seen(certificate: TimeSpan.FromDays(14)), false, Differs.None },
        { "certificate-expiration-greater-than-duration", "[CERTIFICATE_EXPIRATION] > 12h", Seen(certificate: TimeSpan.FromHours(24)), true, Differs.None },
        { "certificate-expiration-greater-than-duration-failure", "[CERTIFICATE_EXPIRATION] > 48h", Seen(certificate: TimeSpan.FromHours(24)), false, Differs.None },
        { "no-placeholders", "1 == 2", Seen(), false, Differs.RefusedAtLoad },
        { "len-body-jsonpath-complex", "len([BODY].data.name) == 4", Seen(body: """{"data": {"name": "john"}}"""), true, Differs.None },
        { "len-body-array", "len([BODY]) == 3", Seen(body: """[{"id": 1}, {"id": 2}, {"id": 3}]"""), true, Differs.None },
        { "len-body-keyed-array", "len([BODY].data) == 3", Seen(body: """{"data": [{"id": 1}, {"id": 2}, {"id": 3}]}"""), true, Differs.None },
        { "len-body-array-invalid", "len([BODY].data) == 8", Seen(body: """{"name": "john.doe"}"""), false, Differs.None },
        { "len-body-string", "len([BODY]) == 8", Seen(body: "john.doe"), true, Differs.None },
        { "len-body-keyed-string", "len([BODY].name) == 8", Seen(body: """{"name": "john.doe"}"""), true, Differs.None },
        { "len-body-keyed-int", "len([BODY].age) == 2", Seen(body: """{"age":18}"""), true, Differs.None },
        { "len-body-keyed-bool", "len([BODY].adult) == 4", Seen(body: """{"adult":true}"""), true, Differs.None },
        { "len-body-object-inside-array", "len([BODY][0]) == 23", Seen(body: """[{"age":18,"adult":true}]"""), true, Differs.LenCountsKeys },
        { "len-body-object-keyed-int-inside-array", "len([BODY][0].age) == 2", Seen(body: """[{"age":18,"adult":true}]"""), true, Differs.None },
        { "len-body-keyed-bool-inside-array", "len([BODY][0].adult) == 4", Seen(body: """[{"age":18,"adult":true}]"""), true, Differs.None },
        { "len-body-object", "len([BODY]) == 20", Seen(body: """{"name": "john.doe"}"""), true, Differs.LenCountsKeys },
        { "pat-body-1", "[BODY] == pat(*john*)", Seen(body: """{"name": "john.doe"}"""), true, Differs.None },
        { "pat-body-2", "[BODY].name == pat(john*)", Seen(body: """{"name": "john.doe"}"""), true, Differs.None },
        { "pat-body-failure", "[BODY].name == pat(bob*)", Seen(body: """{"name": "john.doe"}"""), false, Differs.None },
        { "pat-body-html", "[BODY] == pat(*<div id=\"user\">john.doe</div>*)", Seen(body: Html("john.doe")), true, Differs.None },
        { "pat-body-html-failure", "[BODY] == pat(*<div id=\"user\">john.doe</div>*)", Seen(body: Html("jane.doe")), false, Differs.None },
        { "pat-body-html-failure-alt", "pat(*<div id=\"user\">john.doe</div>*) == [BODY]", Seen(body: Html("jane.doe")), false, Differs.None },
        { "pat-body-in-array", "[BODY].data == pat(*Whatever*)", Seen(body: """{"data": ["hello", "world", "Whatever"]}"""), true, Differs.None },
        { "pat-ip", "[IP] == pat(10.*)", Seen(ip: "10.0.0.0"), true, Differs.None },
        { "pat-ip-failure", "[IP] == pat(10.*)", Seen(ip: "255.255.255.255"), false, Differs.None },
        { "pat-status", "[STATUS] == pat(4*)", Seen(404), true, Differs.None },
        { "pat-status-failure", "[STATUS] == pat(4*)", Seen(200), false, Differs.None },
        { "any-body-1", "[BODY].name == any(john.doe, jane.doe)", Seen(body: """{"name": "john.doe"}"""), true, Differs.None },
        { "any-body-2", "[BODY].name == any(john.doe, jane.doe)", Seen(body: """{"name": "jane.doe"}"""), true, Differs.None },
        { "any-body-failure", "[BODY].name == any(john.doe, jane.doe)", Seen(body: """{"name": "bob"}"""), false, Differs.None },
        { "any-status-1", "[STATUS] == any(200, 429)", Seen(200), true, Differs.None },
        { "any-status-2", "[STATUS] == any(200, 429)", Seen(429), true, Differs.None },
        { "any-status-reverse", "any(200, 429) == [STATUS]", Seen(429), true, Differs.None },
        { "any-status-failure", "[STATUS] == any(200, 429)", Seen(404), false, Differs.None },
        { "has", "has([BODY].errors) == false", Seen(body: "{}"), true, Differs.None },
        { "has-key-of-map", "has([BODY].article) == true",
            Seen(body: "{\n  \"article\": {\n    \"id\": 123,\n    \"title\": \"Hello, world!\",\n    \"tags\": [\"hello\", \"world\"]\n  }\n}"), true, Differs.None },
        { "has-failure", "has([BODY].errors) == false", Seen(body: """{"errors": ["1"]}"""), false, Differs.None },
    };

    [Theory]
    [MemberData(nameof(Evaluate))]
    public void Gatus_evaluation_cases(string name, string condition, CheckObservation seen, bool gatusPasses, Differs differs)
    {
        var read = Condition.TryParse(condition, out var parsed, out var problem);

        if (differs == Differs.RefusedAtLoad)
        {
            Assert.False(read, $"{name}: Gatus accepts '{condition}'; Jaga refuses it at load");
            return;
        }
        Assert.True(read, $"{name}: {problem?.Message}");
        var passed = parsed!.Evaluate(seen).Passed;
        Assert.Equal(differs == Differs.None ? gatusPasses : !gatusPasses, passed);
    }

    /// <summary>Gatus's pattern_test.go, then Go's filepath.Match vectors with the result Gatus gives (it deletes every
    /// '/' from the pattern and the value first); a malformed pattern matches nothing in Gatus and is refused at load here.</summary>
    public static TheoryData<string, string, bool, Differs> Patterns => new()
    {
        { "*", "livingroom_123", true, Differs.None },
        { "**", "livingroom_123", true, Differs.None },
        { "living*", "livingroom_123", true, Differs.None },
        { "*living*", "livingroom_123", true, Differs.None },
        { "*123", "livingroom_123", true, Differs.None },
        { "*_*", "livingroom_123", true, Differs.None },
        { "living*_*3", "livingroom_123", true, Differs.None },
        { "living*room_*3", "livingroom_123", true, Differs.None },
        { "*vin*om*2*", "livingroom_123", true, Differs.None },
        { "livingroom_123", "livingroom_123", true, Differs.None },
        { "*livingroom_123*", "livingroom_123", true, Differs.None },
        { "livingroom", "livingroom_123", false, Differs.None },
        { "livingroom123", "livingroom_123", false, Differs.None },
        { "what", "livingroom_123", false, Differs.None },
        { "*what*", "livingroom_123", false, Differs.None },
        { "*.*", "livingroom_123", false, Differs.None },
        { "room*123", "livingroom_123", false, Differs.None },
        { "abc", "abc", true, Differs.None },
        { "*c", "abc", true, Differs.None },
        { "a*", "a", true, Differs.None },
        { "a*", "abc", true, Differs.None },
        { "a*", "ab/c", true, Differs.None },
        { "a*/b", "abc/b", true, Differs.None },
        { "a*/b", "a/c/b", true, Differs.None },
        { "a*b*c*d*e*/f", "axbxcxdxe/f", true, Differs.None },
        { "a*b*c*d*e*/f", "axbxcxdxexxx/f", true, Differs.None },
        { "a*b*c*d*e*/f", "axbxcxdxe/xxx/f", true, Differs.None },
        { "a*b*c*d*e*/f", "axbxcxdxexxx/fff", true, Differs.SlashIsPlain },
        { "a*b?c*x", "abxbbxdbxebxczzx", true, Differs.None },
        { "a*b?c*x", "abxbbxdbxebxczzy", false, Differs.None },
        { "ab[c]", "abc", true, Differs.None },
        { "ab[b-d]", "abc", true, Differs.None },
        { "ab[e-g]", "abc", false, Differs.None },
        { "ab[^c]", "abc", false, Differs.None },
        { "ab[^b-d]", "abc", false, Differs.None },
        { "ab[^e-g]", "abc", true, Differs.None },
        { "a\\*b", "a*b", true, Differs.None },
        { "a\\*b", "ab", false, Differs.None },
        { "a?b", "a☺b", true, Differs.None },
        { "a[^a]b", "a☺b", true, Differs.None },
        { "a???b", "a☺b", false, Differs.None },
        { "a[^a][^a][^a]b", "a☺b", false, Differs.None },
        { "[a-ζ]*", "α", true, Differs.None },
        { "*[a-ζ]", "A", false, Differs.None },
        { "a?b", "a/b", false, Differs.SlashIsPlain },
        { "a*b", "a/b", true, Differs.None },
        { "[\\]a]", "]", true, Differs.None },
        { "[\\-]", "-", true, Differs.None },
        { "[x\\-]", "x", true, Differs.None },
        { "[x\\-]", "-", true, Differs.None },
        { "[x\\-]", "z", false, Differs.None },
        { "[\\-x]", "x", true, Differs.None },
        { "[\\-x]", "-", true, Differs.None },
        { "[\\-x]", "a", false, Differs.None },
        { "*x", "xxx", true, Differs.None },
        { "[!a]", "b", false, Differs.BangNegates },
        { "[!a]", "a", true, Differs.BangNegates },
        { "[]a]", "]", false, Differs.RefusedAtLoad },
        { "[-]", "-", false, Differs.RefusedAtLoad },
        { "[x-]", "x", false, Differs.RefusedAtLoad },
        { "[-x]", "x", false, Differs.RefusedAtLoad },
        { "\\", "a", false, Differs.RefusedAtLoad },
        { "[a-b-c]", "a", false, Differs.RefusedAtLoad },
        { "[", "a", false, Differs.RefusedAtLoad },
        { "[^", "a", false, Differs.RefusedAtLoad },
        { "[^bc", "a", false, Differs.RefusedAtLoad },
        { "a[", "ab", false, Differs.RefusedAtLoad },
        { "a/b[", "x", false, Differs.RefusedAtLoad },
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Gatus_pattern_cases(string pattern, string text, bool gatusMatches, Differs differs)
    {
        var read = Condition.TryParse($"[BODY] == pat({pattern})", out var condition, out var problem);

        if (differs == Differs.RefusedAtLoad)
        {
            Assert.False(read, $"pat({pattern}) is malformed; Gatus matches nothing with it, Jaga refuses it at load");
            Assert.InRange(problem!.Offset, "[BODY] == ".Length, "[BODY] == ".Length + pattern.Length + 5);
            return;
        }
        Assert.True(read, problem?.Message);
        var passed = condition!.Evaluate(Seen(body: text)).Passed;
        Assert.Equal(differs == Differs.None ? gatusMatches : !gatusMatches, passed);
    }

    [Fact]
    public void Every_deliberate_difference_is_listed_in_the_docs()
    {
        var docs = File.ReadAllText(RepoRoot.Combine("docs", "monitoring.md"));
        var section = docs[docs.IndexOf("### Differences from Gatus", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n### ", 1, StringComparison.Ordinal)];

        foreach (var bullet in DocBullet.Values) Assert.Contains("- " + bullet, section, StringComparison.Ordinal);
        Assert.Equal(Enum.GetValues<Differs>().Length - 1, DocBullet.Count);
    }

    private static string Html(string user) =>
        $"""<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" /></head><body><div id="user">{user}</div></body></html>""";
}
