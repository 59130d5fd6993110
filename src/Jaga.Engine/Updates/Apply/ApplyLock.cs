using System.Security.Cryptography;
using System.Text;
using Jaga.Core.Errors;
using Jaga.Core.Messages;

namespace Jaga.Engine.Updates.Apply;

/// <summary>One apply at a time per project: a second one would take the first's rollback record for a crash's and put
/// its files back while its tests run.</summary>
/// <remarks>The lock file lives in the system's temporary folder, named by the project root's hash, not in the project:
/// a rolled-back project must hold exactly the files it held before. It is never deleted (deleting a held lock file lets
/// two processes each lock a file of the same name).</remarks>
internal sealed class ApplyLock : IDisposable
{
    private readonly FileStream stream;

    private ApplyLock(FileStream stream) => this.stream = stream;

    /// <summary>Takes the lock of <paramref name="root"/> at once, or throws a <see cref="UserException"/> saying another
    /// apply holds it.</summary>
    public static ApplyLock Take(string root, Catalog words)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(root)))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"jaga-update-{hash}.lock");
        try
        {
            return new ApplyLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (File.Exists(path))
        {
            throw new UserException(words.Format("reason.update.busy", root), words.Format("reason.update.busy.hint", path), e);
        }
    }

    public void Dispose() => stream.Dispose();
}
