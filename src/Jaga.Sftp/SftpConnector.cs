using Jaga.Core.Plan;
using Jaga.Core.Ports;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Jaga.Sftp;

/// <summary>Opens one checked, logged-in SFTP session to a destination: it reads the key files and known_hosts, refuses
/// a host key the plan does not trust, logs in with the key and/or the password, and creates the remote folder.</summary>
internal sealed class SftpConnector
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    // A server that stops answering mid-operation must surface as a (transient) timeout, not hang a backup forever.
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);
    private static readonly string[] DefaultKeyFiles = ["~/.ssh/id_ed25519", "~/.ssh/id_ecdsa", "~/.ssh/id_rsa"];

    private readonly string destination;
    private readonly SftpTarget target;
    private readonly string? password;
    private readonly string? keyFile;
    private readonly HostKeyPolicy? pinned;
    private readonly string knownHosts;
    private readonly string baseDirectory;

    public SftpConnector(string destination, SftpTarget target, SftpServer config, string baseDirectory)
    {
        this.destination = destination;
        this.target = target;
        this.baseDirectory = baseDirectory;
        password = string.IsNullOrEmpty(config.Password) ? target.Password : config.Password;
        keyFile = string.IsNullOrEmpty(config.KeyFile) ? null : Resolve(config.KeyFile);
        knownHosts = Resolve(string.IsNullOrEmpty(config.KnownHosts) ? "~/.ssh/known_hosts" : config.KnownHosts);
        // A malformed fingerprint is a plan mistake: reported now, before any connection is tried.
        pinned = string.IsNullOrEmpty(config.Fingerprint) ? null : HostKeyPolicy.Pinned(destination, target, config.Fingerprint, Refused);
    }

    /// <summary>A connected client whose remote folder exists. The caller owns it.</summary>
    public async Task<SftpClient> ConnectAsync(CancellationToken ct)
    {
        var client = await LogInAsync(info => new SftpClient(info) { OperationTimeout = OperationTimeout, KeepAliveInterval = KeepAlive }, ConnectTimeout, ct);
        try
        {
            await CreateFolderAsync(client, target.Root, ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>A client made by <paramref name="make"/>, connected and logged in once the host key is trusted. The caller owns it.</summary>
    public async Task<T> LogInAsync<T>(Func<ConnectionInfo, T> make, TimeSpan timeout, CancellationToken ct) where T : BaseClient
    {
        // known_hosts is read on each connect, so a line added after a refusal is seen by the next attempt.
        var hostKeys = pinned ?? HostKeyPolicy.FromKnownHosts(destination, target, knownHosts);
        var info = new ConnectionInfo(target.Host, target.Port, target.User, [.. Logins()]) { Timeout = timeout };
        OfferOnly(info, hostKeys.KeyTypes);
        var client = make(info);
        string? refusal = null;
        client.HostKeyReceived += (_, e) =>
        {
            refusal = hostKeys.Refusal(e.HostKey);
            e.CanTrust = refusal is null;
        };
        try
        {
            await client.ConnectAsync(ct);
            return client;
        }
        catch (Exception e)
        {
            client.Dispose();
            if (refusal is not null) throw new DestinationException(destination, refusal, transient: false, e);
            throw;
        }
    }

    /// <summary>The key (<c>key_file</c>, or the usual ~/.ssh keys when neither key nor password is set) first, then the password.</summary>
    private List<AuthenticationMethod> Logins()
    {
        var methods = new List<AuthenticationMethod>();
        var keys = keyFile is not null ? [keyFile]
            : password is null ? DefaultKeyFiles.Select(Resolve).Where(File.Exists).ToList()
            : [];
        if (keys.Count > 0) methods.Add(new PrivateKeyAuthenticationMethod(target.User, [.. keys.Select(LoadKey)]));
        if (password is not null) methods.Add(new PasswordAuthenticationMethod(target.User, password));
        if (methods.Count == 0)
            throw Refused($"{destination}: no way to log in to {target.Host}:{target.Port}: set key_file or password (none of {string.Join(", ", DefaultKeyFiles)} exists)");
        return methods;
    }

    private PrivateKeyFile LoadKey(string path)
    {
        try
        {
            return new PrivateKeyFile(path);
        }
        catch (SshPassPhraseNullOrEmptyException e)
        {
            throw Refused($"{destination}: key_file {path} is protected by a passphrase, which Jaga cannot type: use a key made with ssh-keygen -N ''", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SshException or ArgumentException)
        {
            // The reason, never the key: SSH.NET's parse errors do not quote the file.
            throw Refused($"{destination}: cannot use key_file {path}: {e.Message}", e);
        }
    }

    /// <summary>Asks only for plain keys (no certificates, which are not checked here), and only of the types
    /// known_hosts lists, so the server shows the key that can be checked.</summary>
    private static void OfferOnly(ConnectionInfo info, IReadOnlySet<string>? keyTypes)
    {
        foreach (var algorithm in info.HostKeyAlgorithms.Keys.ToList())
        {
            var type = algorithm is "rsa-sha2-256" or "rsa-sha2-512" ? "ssh-rsa" : algorithm;
            var wanted = !algorithm.Contains("-cert-", StringComparison.Ordinal) && (keyTypes is null || keyTypes.Contains(type));
            if (!wanted && info.HostKeyAlgorithms.Count > 1) info.HostKeyAlgorithms.Remove(algorithm);
        }
    }

    /// <summary>mkdir -p, one level at a time; a level another client made meanwhile is fine.</summary>
    private static async Task CreateFolderAsync(SftpClient client, string root, CancellationToken ct)
    {
        if (root.Length == 0 || await client.ExistsAsync(root, ct)) return;
        var path = root.StartsWith('/') ? "" : null;
        foreach (var part in root.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path = path is null ? part : $"{path}/{part}";
            if (await client.ExistsAsync(path, ct)) continue;
            try
            {
                await client.CreateDirectoryAsync(path, ct);
            }
            catch (SftpException)
            {
                if (!await client.ExistsAsync(path, ct)) throw;
            }
        }
    }

    private string Resolve(string path)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            var home = Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            path = Path.Join(home, path.Length > 2 ? path[2..] : "");
        }
        return Path.GetFullPath(path, baseDirectory);
    }

    private DestinationException Refused(string message) => new(destination, message, transient: false);

    private DestinationException Refused(string message, Exception inner) => new(destination, message, transient: false, inner);
}
