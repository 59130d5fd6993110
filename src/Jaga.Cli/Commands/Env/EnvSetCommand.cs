using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using Jaga.Core.Env;
using Jaga.Core.Messages;
using Jaga.Engine.Env;
using Jaga.Engine.Files;
using Jaga.Engine.Journal;
using Jaga.Engine.Planning;

namespace Jaga.Cli.Commands.Env;

/// <summary><c>jaga env set KEY=VALUE… --file F</c>: sets keys in an env file atomically, keeps the previous file as
/// <c>F.bak</c>, and records each key with the SHA-256 of its value in the maintenance log and the audit chain. The value
/// is never printed, logged or stored; <c>--stdin</c> reads it from a pipe, out of the shell's history and <c>ps</c>.</summary>
internal static class EnvSetCommand
{
    public static Command Create(CommandBuilder b)
    {
        var set = b.Command("set", "Set keys in an env file: atomic write, the previous file kept as FILE.bak, values never shown; each key and the HMAC-SHA256 of its value (keyed by the installation's env-hmac.key beside the state) recorded in the log and the audit chain.",
            "jaga env set APP_ENV=production --file .env.production");
        var pairs = new Argument<string[]>("KEY=VALUE") { Description = "Keys and their values; with --stdin, one KEY alone", Arity = ArgumentArity.OneOrMore };
        var file = new Option<string>("--file", "-f") { Description = "The env file to write (created when missing, readable by its owner only)", Required = true };
        var stdin = new Option<bool>("--stdin") { Description = "Read the value of the one KEY from standard input (one trailing line feed dropped)" };
        set.Arguments.Add(pairs);
        set.Options.Add(file);
        set.Options.Add(stdin);
        b.Action(set, async (parse, ctx, ct) =>
        {
            var words = ctx.Messages();
            var values = Values(parse.GetValue(pairs) ?? [], parse.GetValue(stdin), words);
            EnvEdit.CheckKeys(values.Select(v => v.Key), words);
            var path = parse.GetValue(file)!;
            // The plan is read with the new values in view: a plan that names ${DATABASE_URL} loads once it is being set.
            var pending = values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
            var loaded = PlanFile.Load(ctx.PlanPath, name => Environment.GetEnvironmentVariable(name) ?? pending.GetValueOrDefault(name));
            if (!loaded.Ok) throw new PlanInvalid(loaded.Errors, ctx.Messages(loaded));
            var plan = loaded.Plan!;
            words = ctx.Messages(plan);
            await using var store = await ctx.OpenStoreAsync(plan, ct);
            var journal = new MaintenanceJournal(store, plan, ctx.Clock, CliContext.Actor) { Waits = ctx.RealTime, Messages = words };
            var updated = EnvFileUpdate.Apply(path, values, words, EnvHmacKey.LoadOrCreate(plan, words));
            await EnvFileUpdate.RecordAsync(journal, path, updated, ct);
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject
                {
                    ["file"] = path,
                    ["backup"] = updated.Backup,
                    ["keys"] = new JsonArray([.. updated.Changes.Select(c => (JsonNode)new JsonObject
                    {
                        ["key"] = c.Key,
                        ["change"] = c.Change.ToString().ToLowerInvariant(),
                        ["value_hmac"] = c.ValueHmac,
                    })]),
                });
                return ExitCodes.Ok;
            }
            foreach (var c in updated.Changes)
                ctx.Output.Line(words.Format("cli.env.set.line", words["env.change." + c.Change.ToString().ToLowerInvariant()], c.Key, path, c.ValueHmac[..12]));
            if (updated.Backup is not null) ctx.Output.Line(words.Format("cli.env.set.backup", path + EnvFileUpdate.BackupSuffix));
            return ExitCodes.Ok;
        });
        return set;
    }

    /// <summary>The keys and values given: <c>KEY=VALUE</c> words split at their first <c>=</c>, or one <c>KEY</c> with its
    /// value from standard input. A message shows a key, never a value.</summary>
    private static List<KeyValuePair<string, string>> Values(string[] words, bool stdin, Catalog t)
    {
        if (stdin)
        {
            if (words.Length != 1 || words[0].Contains('=', StringComparison.Ordinal)) throw new UserError(t["cli.env.stdin.one"]);
            if (!Console.IsInputRedirected) throw new UserError(t["cli.env.stdin.terminal"], t["cli.env.stdin.terminal.hint"]);
            return [new(words[0], ReadStdin(t))];
        }
        var values = new List<KeyValuePair<string, string>>();
        foreach (var word in words)
        {
            var eq = word.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0) throw new UserError(t.Format("cli.env.arg", EnvEdit.Shown(word)), t["cli.env.arg.hint"]);
            values.Add(new(word[..eq], word[(eq + 1)..]));
        }
        return values;
    }

    /// <summary>Standard input as UTF-8, at most what an env file Jaga reads may hold, without one trailing line feed (as
    /// <c>echo</c> and here-strings add).</summary>
    private static string ReadStdin(Catalog t)
    {
        using var input = Console.OpenStandardInput();
        var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = input.Read(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > InputFile.EnvFileLimit)
                throw new UserError(t.Format("cli.env.stdin.large", $"{InputFile.EnvFileLimit >> 20} MiB"));
        }
        var text = new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (text.EndsWith("\r\n", StringComparison.Ordinal)) return text[..^2];
        return text.EndsWith('\n') ? text[..^1] : text;
    }
}
