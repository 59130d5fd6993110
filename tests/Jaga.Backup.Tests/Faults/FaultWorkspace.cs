using System.Text.Json.Nodes;
using Jaga.Cli;
using Jaga.Testing;
using Microsoft.Data.Sqlite;

namespace Jaga.Backup.Tests.Faults;

/// <summary>A temporary project folder with a plan, its local backup folder and its log; <c>jaga</c> runs in it in-process
/// (<see cref="JagaAsync"/>), as a child process that can be killed (<see cref="StartJaga"/>), or as the engine alone
/// (<see cref="OpenEngineAsync"/>).</summary>
public sealed class FaultWorkspace : IDisposable
{
    public FaultWorkspace()
    {
        Dir = Directory.CreateTempSubdirectory("jaga-faults-").FullName;
        Directory.CreateDirectory(Data);
    }

    public string Dir { get; }

    public string PlanPath => Path.Combine(Dir, "jaga.yaml");

    /// <summary>The local destination, <c>backup/</c> in the plans the tests write.</summary>
    public string Local => Path.Combine(Dir, "backup");

    /// <summary>What a files source backs up: <c>data/</c>.</summary>
    public string Data => Path.Combine(Dir, "data");

    public string LogPath => Path.Combine(Dir, "logs", "maintenance.log");

    /// <summary>The plan's head (a log in <paramref name="language"/>, SQLite state, local destination <c>local</c>) with
    /// <paramref name="destinations"/> and <paramref name="backup"/> (YAML lines, already indented) after it.</summary>
    public void WritePlan(string destinations, string backup, string language = "en") => File.WriteAllText(PlanPath, $$"""
        version: 1
        project: faults
        timezone: Asia/Jakarta
        language: {{language}}
        log: { file: logs/maintenance.log }
        destinations:
          local: { path: backup/ }
        {{destinations}}
        backup:
        {{backup}}

        """);

    /// <summary>Fills <c>data/</c> with <paramref name="files"/> files of random (incompressible) bytes.</summary>
    public void WriteRandomData(int files, int megabytesEach)
    {
        var buffer = new byte[1024 * 1024];
        for (var i = 0; i < files; i++)
        {
            using var f = File.Create(Path.Combine(Data, $"blob{i}.bin"));
            for (var m = 0; m < megabytesEach; m++)
            {
                Random.Shared.NextBytes(buffer);
                f.Write(buffer);
            }
        }
    }

    public async Task<CliResult> JagaAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] all = ["--plan", PlanPath, .. args];
        var code = await Program.Run(all, new Output(all.Contains("--json"), stdout, stderr, terminal: false), TimeProvider.System);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The records <c>jaga backup list --json</c> shows.</summary>
    public async Task<JsonArray> ListAsync()
    {
        var list = await JagaAsync("backup", "list", "--json");
        Assert.True(list.Code == 0, list.ToString());
        return JsonNode.Parse(list.Out)!.AsArray();
    }

    /// <summary>Starts <c>dotnet jaga.dll --plan … ARGS</c>: a separate process, for a test to kill.</summary>
    public RunningJaga StartJaga(params string[] args) => new(PlanPath, Dir, args);

    public Task<EngineSession> OpenEngineAsync() => EngineSession.OpenAsync(PlanPath);

    public string[] LogLines() => File.Exists(LogPath) ? File.ReadAllLines(LogPath) : [];

    /// <summary>The hidden temporary files an unfinished upload leaves in a folder.</summary>
    public static string[] Partials(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, ".*.jaga-partial").Select(f => Path.GetFileName(f)).ToArray() : [];

    /// <summary>The files of a folder that are not temporary ones.</summary>
    public static string[] Visible(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal).ToArray() : [];

    public static string JagaDll => RunningJaga.JagaDll;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; nothing depends on it.
        }
    }
}
