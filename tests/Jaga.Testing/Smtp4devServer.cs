using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;

namespace Jaga.Testing;

/// <summary>A real SMTP server with an HTTP API (Rnwood.Smtp4dev, the local tool pinned in <c>.config/dotnet-tools.json</c>;
/// <c>dotnet tool restore</c> installs it) on loopback, for tests that read the e-mails a sender delivered.
/// It runs in a temp folder with an in-memory database; optionally with STARTTLS (a certificate from a
/// <see cref="TestCa"/> whose PEM is <see cref="CaFile"/>) and a required login.</summary>
/// <remarks>Killed (with its child process) and its folder deleted on dispose and, failing that, when the process exits;
/// a server left by a test host that was killed outright is killed by the next run that starts one.</remarks>
public sealed class Smtp4devServer : IAsyncDisposable, IDisposable
{
    public const string Host = "127.0.0.1";

    private const string FolderPrefix = "jaga-smtp4dev-";
    private const string OwnerFile = "owner.pid";
    private const string PidsFile = "server.pid";
    private const string PfxPassword = "jaga-test";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly Lock gate = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly bool startTls;
    private readonly (string User, string Password)? login;
    private Process? process;
    private string? folder;

    private Smtp4devServer(bool startTls, (string User, string Password)? login)
    {
        this.startTls = startTls;
        this.login = login;
    }

    public int SmtpPort { get; private set; }

    public int WebPort { get; private set; }

    /// <summary>The web UI and API, <c>http://127.0.0.1:port</c>.</summary>
    public string ApiUrl => $"http://{Host}:{WebPort}";

    /// <summary>The PEM of the CA that signed the server's certificate (STARTTLS servers only).</summary>
    public string? CaFile { get; private set; }

    /// <summary>The arguments the server was started with (after <c>dotnet tool run smtp4dev --</c>).</summary>
    public IReadOnlyList<string> Arguments { get; private set; } = [];

    public string LogFile => Path.Combine(folder ?? throw new ObjectDisposedException(nameof(Smtp4devServer)), "smtp4dev.log");

    /// <summary>Starts a server and returns once its API answers and its SMTP port accepts connections.</summary>
    /// <param name="startTls">Offer STARTTLS with a certificate signed by a fresh test CA (see <see cref="CaFile"/>).</param>
    /// <param name="login">Require this login (and TLS before it, when <paramref name="startTls"/> is set).</param>
    public static async Task<Smtp4devServer> StartAsync(bool startTls = false, (string User, string Password)? login = null)
    {
        var server = new Smtp4devServer(startTls, login);
        try
        {
            await server.SetUpAndLaunchAsync();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>The messages received so far, newest first.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> MessagesAsync(CancellationToken ct = default)
    {
        var body = await http.GetStringAsync($"{ApiUrl}/api/messages?pageSize=500", ct);
        using var doc = JsonDocument.Parse(body);
        return [.. doc.RootElement.GetProperty("results").EnumerateArray().Select(m => new ReceivedMail(
            m.GetProperty("id").GetString()!,
            m.GetProperty("from").GetString() ?? "",
            [.. m.GetProperty("to").EnumerateArray().Select(t => t.GetString() ?? "")],
            m.GetProperty("subject").GetString() ?? ""))];
    }

    /// <summary>The message as received (headers and body, as the client sent them).</summary>
    public Task<string> SourceAsync(string id, CancellationToken ct = default) => http.GetStringAsync($"{ApiUrl}/api/messages/{id}/source", ct);

    /// <summary>The message's plain-text body.</summary>
    public Task<string> PlainTextAsync(string id, CancellationToken ct = default) => http.GetStringAsync($"{ApiUrl}/api/messages/{id}/plaintext", ct);

    /// <summary>Waits for the first message whose subject contains <paramref name="subjectPart"/>.</summary>
    public async Task<ReceivedMail> WaitForAsync(string subjectPart, TimeSpan timeout, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var found = (await MessagesAsync(ct)).FirstOrDefault(m => m.Subject.Contains(subjectPart, StringComparison.Ordinal));
            if (found is not null) return found;
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"no message with '{subjectPart}' in its subject within {timeout.TotalSeconds:0} s:\n{ReadLog()}");
            await Task.Delay(100, ct);
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        lock (gate)
        {
            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
            Kill();
            if (folder is not null) FixtureFolders.TryDelete(folder);
            folder = null;
        }
        http.Dispose();
    }

    /// <summary>The repository's tool manifest: the server is run as the pinned local tool from its own folder.</summary>
    private static string ToolManifest()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var manifest = Path.Combine(dir.FullName, ".config", "dotnet-tools.json");
            if (File.Exists(manifest)) return manifest;
        }
        throw new InvalidOperationException("no .config/dotnet-tools.json above the test binaries: run the tests from the repository");
    }

    private async Task SetUpAndLaunchAsync()
    {
        SwiftSweep.KillAbandoned(FolderPrefix, OwnerFile, PidsFile);
        folder = Directory.CreateTempSubdirectory(FolderPrefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        Directory.CreateDirectory(Path.Combine(folder, ".config"));
        File.Copy(ToolManifest(), Path.Combine(folder, ".config", "dotnet-tools.json"));
        var tls = new List<string>();
        if (startTls)
        {
            using var ca = TestCa.Create();
            CaFile = Path.Combine(folder, "ca.pem");
            await File.WriteAllTextAsync(CaFile, ca.Pem);
            var pfx = Path.Combine(folder, "server.pfx");
            await File.WriteAllBytesAsync(pfx, ca.ServerPfx(PfxPassword));
            tls.AddRange(["--tlsmode=StartTls", $"--tlscertificate={pfx}", $"--tlscertificatepassword={PfxPassword}"]);
        }
        for (var attempt = 1; ; attempt++)
        {
            (WebPort, SmtpPort) = (Loopback.FreePort(), Loopback.FreePort());
            Launch(tls);
            try
            {
                await WaitUntilReadyAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && ReadLog().Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                Kill();
            }
        }
    }

    private void Launch(IEnumerable<string> tls)
    {
        var args = new List<string>
        {
            $"--urls=http://{Host}:{WebPort}", $"--smtpport={SmtpPort}", $"--bindaddress={Host}", "--imapport=", "--pop3port=",
            "--db=", $"--baseappdatapath={folder}", "--nousersettings", "--locksettings", $"--hostname={Host}",
        };
        args.AddRange(tls);
        if (login is { } l) args.AddRange([$"--user={l.User}={l.Password}", "--authenticationrequired", "--smtpallowanycredentials-"]);
        Arguments = args;
        var quoted = string.Join(' ', args.Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardInput = true, WorkingDirectory = folder! };
        foreach (var a in (string[])["-c", $"exec dotnet tool run smtp4dev -- {quoted} >>'{LogFile}' 2>&1"])
            info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["XDG_CONFIG_HOME"] = folder;
        lock (gate)
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet tool run smtp4dev");
            File.WriteAllText(Path.Combine(folder!, PidsFile), process.Id.ToString(CultureInfo.InvariantCulture));
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < ReadyTimeout)
        {
            if (process!.HasExited)
                throw new InvalidOperationException($"smtp4dev exited at start (exit code {process.ExitCode}; is the tool restored? run 'dotnet tool restore'):\n{ReadLog()}");
            if (await AnswersAsync()) return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"smtp4dev did not become ready within {ReadyTimeout.TotalSeconds:0} s:\n{ReadLog()}");
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var response = await http.GetAsync($"{ApiUrl}/api/messages");
            if (!response.IsSuccessStatusCode) return false;
            using var smtp = new TcpClient();
            await smtp.ConnectAsync(Host, SmtpPort);
            return true;
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or TaskCanceledException)
        {
            return false;
        }
    }

    private string ReadLog() => ChildProcess.ReadLog(LogFile);

    private void Kill()
    {
        lock (gate)
        {
            if (process is null) return;
            ChildProcess.KillTree(process);
            process = null;
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();
}
