using System.Diagnostics;

namespace Jaga.Cli.Tests;

/// <summary>docs/audit.md promises that an export can be verified without Jaga: this runs the documented script (python3 + openssl).</summary>
public sealed class ExportVerificationTests : IDisposable
{
    private readonly Workspace ws = new();

    [Fact]
    public async Task Export_verifies_with_python_and_openssl_alone_and_an_edit_is_caught()
    {
        await ws.Jaga("log", "add", "Backup database selesai: backup/db_2025-11-15.sql");
        await ws.Jaga("log", "add", "--level", "WARN", "Kutipan \"aman\" \\ tab\there — ünïcödé ✓ \u0001\b\f");
        var anchor = Path.Combine(ws.Dir, "anchor.json");
        Assert.Equal(0, (await ws.Jaga("audit", "checkpoint", "--out", anchor)).Code);
        var export = Path.Combine(ws.Dir, "audit.jsonl");
        Assert.Equal(0, (await ws.Jaga("audit", "export", "--out", export)).Code);
        var pub = Path.Combine(ws.Dir, ".jaga", "audit.pub");

        var (code, output) = Run(export, anchor, pub);
        Assert.True(code == 0, output);
        Assert.Contains("is signed and matches", output);

        File.WriteAllText(export, File.ReadAllText(export).Replace("db_2025-11-15", "db_2025-11-16", StringComparison.Ordinal));
        (code, output) = Run(export, anchor, pub);
        Assert.Equal(1, code);
        Assert.Contains("entry #1 was edited", output);
    }

    private static (int Code, string Output) Run(params string[] args)
    {
        var script = Path.Combine(ValidateCommandTests.FindRoot(), "scripts", "verify-audit-export.py");
        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output);
    }

    public void Dispose() => ws.Dispose();
}
