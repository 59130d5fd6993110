using Jaga.Core.Ports;
using Jaga.Engine.Backup.Destinations;

namespace Jaga.Destinations.Tests;

public sealed class LocalDestinationTests : DestinationContract, IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("jaga-local-").FullName;

    protected override Task<IBackupDestination> CreateAsync() =>
        Task.FromResult<IBackupDestination>(new LocalDestination("local", Path.Combine(root, "backup")));

    protected override Task<IBackupDestination> ReopenAsync(IBackupDestination first) => CreateAsync();

    [Fact]
    public async Task A_commit_leaves_no_temporary_file_behind()
    {
        await using var d = await CreateAsync();
        await WriteInUnevenChunksAsync(d, "db_2025-11-15.sql", [1, 2, 3]);

        Assert.Equal(["db_2025-11-15.sql"], Directory.GetFiles(Path.Combine(root, "backup")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Names_that_would_leave_the_folder_are_refused()
    {
        await using var d = await CreateAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => d.BeginAsync("../x"));
        await Assert.ThrowsAsync<ArgumentException>(() => d.BeginAsync(".hidden"));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
