using Jaga.Core.Interpolation;
using Jaga.Core.Messages;
using Jaga.Engine.Files;

namespace Jaga.Cli.Commands.Env;

/// <summary>Reads an env file for <c>jaga env diff</c> and <c>check</c> with Jaga's one reader: a regular file of at most
/// the env-file limit (a FIFO or a folder is refused); a line it cannot read is an error at its position, never quoted.</summary>
internal static class EnvFiles
{
    /// <summary>The file parsed, or null when it does not exist.</summary>
    /// <param name="path">Where it is.</param>
    /// <param name="shown">Its name in messages and results.</param>
    /// <param name="words">The language of messages.</param>
    public static EnvFile? Read(string path, string shown, Catalog words)
    {
        if (InputFile.ReadText(path, InputFile.EnvFileLimit, "env file") is not { } text) return null;
        var file = EnvFile.Parse(text, shown);
        if (file.Errors.Count > 0)
        {
            var e = file.Errors[0];
            throw new UserError(words.Format("reason.env.unreadable", $"{shown}:{e.Line}:{e.Column}", e.Message), words["reason.env.unreadable.hint"]);
        }
        return file;
    }

    /// <summary>The file parsed; a user error when it does not exist.</summary>
    public static EnvFile Require(string path, Catalog words) =>
        Read(path, path, words) ?? throw new UserError(words.Format("reason.env.missing", path), words["reason.env.missing.hint"]);
}
