using System.Diagnostics;

namespace Jaga.Core.Tests.Crypto;

/// <summary>Encrypts and decrypts whole byte arrays through Jaga's age streams, and runs the real age CLI.</summary>
internal static class AgeBytes
{
    public static byte[] Encrypt(byte[] plain, Func<Stream, Stream> open)
    {
        using var output = new MemoryStream();
        using (var enc = open(output))
        {
            // Uneven writes, to cross chunk and armor-line boundaries mid-call.
            for (var i = 0; i < plain.Length; i += 10_007) enc.Write(plain, i, Math.Min(10_007, plain.Length - i));
        }
        return output.ToArray();
    }

    public static byte[] Decrypt(byte[] cipher, Func<Stream, Stream> open)
    {
        using var dec = open(new MemoryStream(cipher));
        using var result = new MemoryStream();
        dec.CopyTo(result, 4096);
        return result.ToArray();
    }

    public static void Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{tool} failed: {err.Result}");
    }
}
