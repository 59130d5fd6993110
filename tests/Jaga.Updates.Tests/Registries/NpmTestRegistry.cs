using Jaga.Testing;

namespace Jaga.Updates.Tests.Registries;

/// <summary>One Verdaccio for the npm tests, with a user and its token and packages published by the real npm: a public
/// <c>jaga-left-pad</c> (1.0.0, 1.0.1 deprecated, 1.1.0, 2.0.0) and a private <c>@acme/x</c> (1.0.0, 1.1.0, 2.0.0) that
/// only logged-in users may read.</summary>
public sealed class NpmTestRegistry : IAsyncLifetime
{
    public const string Public = "jaga-left-pad";
    public const string Private = "@acme/x";

    public VerdaccioServer Server { get; } = new();

    public string Token { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        Token = await Server.CreateUserAsync("jaga", "jaga-test-password");
        foreach (var version in (string[])["1.0.0", "1.0.1", "1.1.0", "2.0.0"])
            await Server.PublishAsync(Public, version, Token);
        await Server.DeprecateAsync(Public, "1.0.1", "broken, use 1.1.0", Token);
        foreach (var version in (string[])["1.0.0", "1.1.0", "2.0.0"])
            await Server.PublishAsync(Private, version, Token);
    }

    public Task DisposeAsync() => Task.Run(Server.Dispose);
}
