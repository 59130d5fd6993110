using Jaga.Core.Env;
using Jaga.Core.Ledger;
using Jaga.Core.Messages;
using Jaga.Core.Storage;

namespace Jaga.Core.Journal.Events.Migration;

/// <summary>A key was set in an env file (<c>jaga env set</c>, or the env step of <c>jaga migrate run</c>). The value is
/// never recorded: the line shows the start of its HMAC-SHA256 under the installation's key, the entry's data the whole of it.</summary>
/// <param name="Key">The variable's name.</param>
/// <param name="File">The env file, as the user named it.</param>
/// <param name="Change">Added, changed or unchanged.</param>
/// <param name="ValueHmac">HMAC-SHA256 of the new value (<see cref="EnvValue.Hmac"/>), lower-case hex.</param>
public sealed record EnvVariableSet(string Key, string File, EnvChange Change, string ValueHmac)
    : JournalEvent("env.set", "env.set", Severity.Info)
{
    public override IReadOnlyList<object?> Arguments =>
        [Key, File, new Phrase("env.change." + StoredWord.Text(Change)), ValueHmac.Length > 12 ? ValueHmac[..12] : ValueHmac];
}
