using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Jaga.Core.Crypto;
using Jaga.Engine.Files;

namespace Jaga.Cli.Commands.Backup;

/// <summary><c>jaga backup keygen --out FILE [--pq]</c>: a new age identity file, as <c>age-keygen -o FILE</c> (and
/// <c>age-keygen -pq</c>, which the age CLI before 1.3 lacks) writes it. The secret key goes only into the file (0600, written
/// under a temporary name and renamed, never over an existing file); only the public recipient is printed. It reads no plan.</summary>
internal static class BackupKeygenCommand
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static Command Create(CommandBuilder b)
    {
        var keygen = b.Command("keygen",
            "Write a new age identity to FILE (0600, never over an existing file) and print its public recipient for encrypt.recipients. --pq makes a post-quantum hybrid one (age1pq1…, ML-KEM-768 + X25519, as age 1.3's age-keygen -pq).",
            "jaga backup keygen --pq --out /root/jaga-age.key");
        var outFile = new Option<string>("--out") { Description = "The identity file to write (a new file)", Required = true };
        var pq = new Option<bool>("--pq") { Description = "A post-quantum hybrid identity (AGE-SECRET-KEY-PQ-1…, recipient age1pq1…)" };
        keygen.Options.Add(outFile);
        keygen.Options.Add(pq);
        b.Action(keygen, async (parse, ctx, ct) =>
        {
            var t = ctx.Messages();
            var path = parse.GetValue(outFile)!;
            var postQuantum = parse.GetValue(pq);
            if (File.Exists(path) || Directory.Exists(path)) throw new UserError(t.Format("cli.keygen.exists", path), t["cli.keygen.exists.hint"]);
            var (identity, recipient) = postQuantum ? AgeKeys.GenerateHybrid() : AgeKeys.Generate();
            // The layout age-keygen writes, so that age -i reads it as well as Jaga.
            var created = ctx.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            var text = $"# created: {created}\n# public key: {recipient}\n{identity}\n";
            await OutFile.WriteAsync(path, () => AtomicFile.WriteAsync(path, s => s.WriteAsync(Encoding.ASCII.GetBytes(text), ct).AsTask(), OwnerOnly, overwrite: false));
            if (ctx.JsonOutput)
            {
                ctx.Output.Write(new JsonObject { ["identity_file"] = path, ["recipient"] = recipient, ["post_quantum"] = postQuantum });
                return ExitCodes.Ok;
            }
            ctx.Output.Line(t.Format("cli.keygen.written", path));
            ctx.Output.Line(t.Format("cli.keygen.recipient", recipient));
            if (postQuantum) ctx.Output.Line(t["cli.keygen.pq"]);
            return ExitCodes.Ok;
        });
        return keygen;
    }
}
