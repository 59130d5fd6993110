using System.CommandLine;
using System.Text.Json.Nodes;
using Jaga.Core.Env;

namespace Jaga.Cli.Commands.Env;

/// <summary><c>jaga env diff EXPECTED ACTUAL</c>: the keys one env file lists that the other lacks, and the other way
/// round; never a value. Exit 1 when keys are missing, so a deploy script can stop on it.</summary>
internal static class EnvDiffCommand
{
    public static Command Create(CommandBuilder b)
    {
        var diff = b.Command("diff", "Compare two env files' keys (never their values): missing, extra and empty keys. Exit 1 when keys are missing.",
            "jaga env diff .env.example .env.production");
        var expected = new Argument<string>("EXPECTED") { Description = "The file that lists the keys needed, e.g. .env.example" };
        var actual = new Argument<string>("ACTUAL") { Description = "The file to check, e.g. .env.production" };
        diff.Arguments.Add(expected);
        diff.Arguments.Add(actual);
        b.Action(diff, (parse, ctx, ct) =>
        {
            var words = ctx.Messages();
            var a = parse.GetValue(expected)!;
            var z = parse.GetValue(actual)!;
            var result = EnvDiff.Of(EnvFiles.Require(a, words), EnvFiles.Require(z, words));
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject
                {
                    ["expected"] = a,
                    ["actual"] = z,
                    ["missing"] = Array(result.Missing),
                    ["extra"] = Array(result.Extra),
                    ["empty"] = Array(result.Empty),
                    ["shared"] = result.Shared,
                });
            }
            else
            {
                foreach (var k in result.Missing) ctx.Output.Line(words.Format("cli.env.diff.missing", k));
                foreach (var k in result.Extra) ctx.Output.Line(words.Format("cli.env.diff.extra", k));
                foreach (var k in result.Empty) ctx.Output.Line(words.Format("cli.env.diff.empty", k));
                ctx.Output.Line(words.Format("cli.env.diff.summary", a, z, result.Shared, result.Missing.Count, result.Extra.Count, result.Empty.Count));
            }
            return Task.FromResult(result.Missing.Count > 0 ? ExitCodes.Failed : ExitCodes.Ok);
        });
        return diff;
    }

    internal static JsonArray Array(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode)i)]);
}
