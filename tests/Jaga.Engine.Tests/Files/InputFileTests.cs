using Jaga.Core.Errors;
using Jaga.Engine.Files;

namespace Jaga.Engine.Tests.Files;

public sealed class InputFileTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("jaga-input-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void A_regular_file_is_read_as_utf8_without_its_byte_order_mark()
    {
        var path = Path.Combine(dir, "plan.yaml");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "version: 1\nproject: tökö\n"u8]);

        Assert.Equal("version: 1\nproject: tökö\n", InputFile.ReadText(path, 1024, "plan"));
    }

    [Fact]
    public void A_missing_file_is_null()
    {
        Assert.Null(InputFile.ReadText(Path.Combine(dir, "nope"), 1024, "plan"));
    }

    [Fact]
    public void A_file_at_the_limit_is_read_and_one_byte_more_is_refused_naming_the_path_and_the_limit()
    {
        var path = Path.Combine(dir, "big.env");
        File.WriteAllText(path, new string('a', 1 << 20));
        Assert.Equal(1 << 20, InputFile.ReadText(path, InputFile.EnvFileLimit, "env file")!.Length);

        File.AppendAllText(path, "a");
        var e = Assert.Throws<UserException>(() => InputFile.ReadText(path, InputFile.EnvFileLimit, "env file"));
        Assert.Equal($"the env file {path} is larger than 1 MiB", e.Message);
    }

    [Fact]
    public void A_device_is_refused_by_its_kind_without_reading_it()
    {
        // /dev/zero never ends: read whole, it fills memory.
        var e = Assert.Throws<UserException>(() => InputFile.ReadText("/dev/zero", InputFile.PlanLimit, "plan"));
        Assert.Equal("the plan /dev/zero is a character device, not a regular file", e.Message);
    }

    [Fact]
    public void A_folder_is_refused_as_a_folder()
    {
        var e = Assert.Throws<UserException>(() => InputFile.ReadText(dir, InputFile.EnvFileLimit, "env file"));
        Assert.Equal($"the env file {dir} is a folder, not a file", e.Message);
    }
}
