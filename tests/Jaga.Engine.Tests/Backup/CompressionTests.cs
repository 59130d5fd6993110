using System.Diagnostics;
using System.Security.Cryptography;
using Jaga.Core.Plan;
using Jaga.Engine.Backup;
using Jaga.Engine.Backup.Zstd;

namespace Jaga.Engine.Tests.Backup;

/// <summary>Compressed backups must restore with the standard tools alone: checked against the real gzip and zstd CLIs.</summary>
public sealed class CompressionTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-compress-").FullName;

    [Theory]
    [InlineData(Compression.None)]
    [InlineData(Compression.Gzip)]
    [InlineData(Compression.Zstd)]
    public void Round_trip_keeps_every_byte(Compression kind)
    {
        var plain = Data(300_000);
        using var packed = new MemoryStream();
        using (var c = CompressionStreams.Compress(packed, kind)) c.Write(plain);
        packed.Position = 0;
        using var unpacked = new MemoryStream();
        using (var d = CompressionStreams.Decompress(packed, kind)) d.CopyTo(unpacked);
        Assert.Equal(plain, unpacked.ToArray());
    }

    [Trait("Category", "Integration")]
    [Theory]
    [InlineData(Compression.Gzip, "gzip")]
    [InlineData(Compression.Zstd, "zstd")]
    public void What_jaga_compresses_the_standard_tool_decompresses(Compression kind, string tool)
    {
        var plain = Data(500_000);
        var file = Path.Combine(dir, Core.Backup.ArtifactName.Extension("dump.sql", kind, encrypted: false));
        using (var f = File.Create(file))
        using (var c = CompressionStreams.Compress(f, kind))
        {
            c.Write(plain);
        }
        Run(tool, "-d", "-f", file);
        Assert.Equal(plain, File.ReadAllBytes(Path.Combine(dir, "dump.sql")));
    }

    [Trait("Category", "Integration")]
    [Fact]
    public void What_the_zstd_cli_compresses_jaga_decompresses()
    {
        var plain = Data(400_000);
        var file = Path.Combine(dir, "plain.sql");
        File.WriteAllBytes(file, plain);
        Run("zstd", "-q", "-19", file);
        using var f = File.OpenRead(file + ".zst");
        using var d = CompressionStreams.Decompress(f, Compression.Zstd);
        using var result = new MemoryStream();
        d.CopyTo(result);
        Assert.Equal(plain, result.ToArray());
    }

    [Fact]
    public void Zstd_compresses_with_the_systems_libzstd_here() =>
        // scripts/test.sh installs libzstd1; without it backups fall back to the managed port, three times the CPU.
        Assert.True(NativeZstd.Available, "libzstd.so.1 could not be loaded: apt-get install libzstd1");

    [Theory]
    [InlineData(1)]
    [InlineData(300_000)]
    [InlineData(3_000_000)]
    public async Task Libzstd_frames_decompress_with_the_managed_port_whatever_the_write_sizes(int size)
    {
        var plain = Data(size);
        using var packed = new MemoryStream();
        await using (var c = new NativeZstdCompressionStream(packed, 3))
        {
            // Uneven writes, sync and async, as the pipeline's chunks and a CopyTo give them.
            c.Write(plain.AsSpan(0, size / 3));
            await c.WriteAsync(plain.AsMemory(size / 3, size / 3));
            c.Write(plain, 2 * (size / 3), size - 2 * (size / 3));
        }
        Assert.Equal(0xFD2FB528u, BitConverter.ToUInt32(packed.GetBuffer(), 0));
        packed.Position = 0;
        using var unpacked = new MemoryStream();
        using (var d = CompressionStreams.Decompress(packed, Compression.Zstd)) d.CopyTo(unpacked);
        Assert.Equal(plain, unpacked.ToArray());
    }

    [Fact]
    public void Libzstd_and_the_managed_port_compress_at_the_same_level_to_about_the_same_size()
    {
        var plain = Data(2_000_000);
        using var native = new MemoryStream();
        using (var c = new NativeZstdCompressionStream(native, 3)) c.Write(plain);
        using var managed = new MemoryStream();
        using (var c = CompressionStreams.ManagedZstd(managed, 3)) c.Write(plain);

        Assert.InRange(native.Length, managed.Length * 0.9, managed.Length * 1.1);
    }

    [Trait("Category", "Integration")]
    [Fact]
    public void What_libzstd_compresses_the_zstd_cli_decompresses()
    {
        var plain = Data(700_000);
        var file = Path.Combine(dir, "native.sql.zst");
        using (var f = File.Create(file))
        using (var c = new NativeZstdCompressionStream(f, 3))
        {
            c.Write(plain);
        }
        Run("zstd", "-d", "-f", file);
        Assert.Equal(plain, File.ReadAllBytes(Path.Combine(dir, "native.sql")));
    }

    [Fact]
    public void A_compression_the_enum_does_not_name_is_refused() =>
        Assert.Throws<System.Runtime.CompilerServices.SwitchExpressionException>(() => CompressionStreams.Compress(Stream.Null, (Compression)99));

    /// <summary>SQL-like text with some randomness: compressible, but not trivially.</summary>
    private static byte[] Data(int size)
    {
        var bytes = new byte[size];
        var line = "INSERT INTO products VALUES (1, 'Kopi', 25000);\n"u8;
        for (var i = 0; i < size; i++) bytes[i] = line[i % line.Length];
        for (var i = 0; i < size; i += 97) bytes[i] = (byte)RandomNumberGenerator.GetInt32(32, 127);
        return bytes;
    }

    private static void Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{tool} failed: {err}");
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);
}
