using Jaga.Core.Env;
using Jaga.Core.Ledger;
using Jaga.Core.Messages;
using Jaga.Core.Storage;

namespace Jaga.Core.Journal.Events.Migration;

/// <summary>A key was set in an env file (<c>jaga env set</c>, or the env step of <c>jaga migrate run</c>). The value is
/// never recorded: the line shows the start of its SHA-256, the entry's data the whole hash.</summary>
/// <param name="Key">The variable's name.</param>
/// <param name="File">The env file, as the user named it.</param>
/// <param name="Change">Added, changed or unchanged.</param>
/// <param name="Sha256">SHA-256 of the new value, lower-case hex.</param>
public sealed record EnvVariableSet(string Key, string File, EnvChange Change, string Sha256)
    : JournalEvent("env.set", "env.set", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments =>
        [Key, File, new Phrase("env.change." + StoredWord.Text(Change)), Sha256.Length > 12 ? Sha256[..12] : Sha256];
}
