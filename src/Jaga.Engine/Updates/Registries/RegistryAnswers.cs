using System.Diagnostics;
using System.Net;
using Jaga.Core.Messages;
using Jaga.Core.Updates.Registries;

namespace Jaga.Engine.Updates.Registries;

/// <summary>What a fetch means for the audit, the same for every registry: a document read by the registry's own
/// reader, 404 as "not there", 401/403 as refused credentials (worded by the registry, which knows where they come
/// from), and everything else as a failure that says what happened.</summary>
internal static class RegistryAnswers
{
    /// <summary>The answer for <paramref name="name"/>: <paramref name="read"/> gives a document's versions (null when it
    /// is not a <paramref name="documentKind"/>), <paramref name="unauthorized"/> the message for a 401 or 403.</summary>
    public static RegistryAnswer From(
        RegistryFetch fetch,
        string source,
        string name,
        Catalog words,
        Func<RegistryFetch.Document, IReadOnlyList<PublishedVersion>?> read,
        string documentKind,
        Func<int, string> unauthorized) => fetch switch
        {
            RegistryFetch.Document d => read(d) switch
            {
                null => new RegistryAnswer.Failed(source, RegistryFailure.BadAnswer, words.Format("reason.registry.bad", source, name, documentKind)),
                [] => new RegistryAnswer.NotFound(source),
                var versions => new RegistryAnswer.Found(source, versions),
            },
            RegistryFetch.Refused { Status: HttpStatusCode.NotFound } => new RegistryAnswer.NotFound(source),
            RegistryFetch.Refused { Status: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } r =>
                new RegistryAnswer.Failed(source, RegistryFailure.Unauthorized, unauthorized((int)r.Status)),
            RegistryFetch.Refused r => new RegistryAnswer.Failed(source, RegistryFailure.BadAnswer, words.Format("reason.registry.status", source, name, (int)r.Status)),
            RegistryFetch.Unreachable u => new RegistryAnswer.Failed(source, RegistryFailure.Unreachable, words.Format("reason.registry.unreachable", source, u.Reason)),
            RegistryFetch.NotCached => new RegistryAnswer.Failed(source, RegistryFailure.Unreachable, words.Format("reason.registry.offline", source, name)),
            _ => throw new UnreachableException($"a fetch of kind {fetch.GetType().Name}"),
        };
}
