using System.Runtime.CompilerServices;
using Jaga.Core.Errors;

namespace Jaga.Core.Storage;

/// <summary>A store's boundary for failures: what its provider reports for transient unavailability (connection refused
/// or reset, a timeout, a busy file, an I/O error) leaves the store as <see cref="StoreUnavailableException"/>, and
/// nothing else does, so callers retry on one type and every other failure stays what it is (a bug, or bad input).</summary>
/// <param name="store">The store's description (no password), said in the message.</param>
/// <param name="unavailable">The store's own test of which provider exceptions mean "away for now".</param>
/// <param name="userError">The store's own translation of provider exceptions that are the user's to fix (a damaged or
/// read-only file) into a <see cref="UserException"/> naming the file and the fix; null for any other.</param>
public sealed class StoreGuard(string store, Func<Exception, bool> unavailable, Func<Exception, UserException?>? userError = null)
{
    public async Task Run(Func<Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            await call();
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    public async Task<T> Run<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call();
        }
        catch (Exception e) when (Translate(e) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Reads <paramref name="items"/>, translating a failure of any step of the reading.</summary>
    public async IAsyncEnumerable<T> Run<T>(IAsyncEnumerable<T> items, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var e = items.GetAsyncEnumerator(ct);
        while (true)
        {
            bool more;
            try
            {
                more = await e.MoveNextAsync();
            }
            catch (Exception x) when (Translate(x) is { } translated)
            {
                throw translated;
            }
            if (!more) yield break;
            yield return e.Current;
        }
    }

    private Exception? Translate(Exception e) => unavailable(e) ? new StoreUnavailableException($"{store}: {e.Message}", e) : userError?.Invoke(e);
}
