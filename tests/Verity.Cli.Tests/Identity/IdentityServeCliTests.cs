namespace Verity.Cli.Tests.Identity;

/// <summary>
/// <c>verity identity serve</c> refuses to start on bad input, with exit 2 and the reason (the server itself is tested
/// over a real Unix socket in Verity.Server.Tests/WorkloadApi, with a gRPC client and the Node.js client).
/// </summary>
public sealed class IdentityServeCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verity-serve-").FullName;

    [Fact]
    public async Task A_missing_CA_directory_is_refused()
    {
        var run = await Cli.RunAsync("identity", "serve", "--ca-dir", Path.Combine(_dir, "none"), "--socket", Path.Combine(_dir, "agent.sock"), "--entries", Path.Combine(_dir, "entries.yaml"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal($"error: CA directory {Path.Combine(_dir, "none")} does not exist; create a CA with 'verity identity ca init'\n", run.Stderr);
        Assert.False(File.Exists(Path.Combine(_dir, "agent.sock")));
    }

    [Fact]
    public async Task An_entries_file_with_errors_is_reported_with_its_position()
    {
        var ca = Path.Combine(_dir, "ca");
        Assert.Equal(ExitCodes.Ok, (await Cli.RunAsync("identity", "ca", "init", "--trust-domain", "example.org", "--ca-dir", ca)).ExitCode);
        var entries = Path.Combine(_dir, "entries.yaml");
        await File.WriteAllTextAsync(entries, "entries:\n  - spiffeId: spiffe://example.org/web\n    selectors: [\"unix:uid:not-a-number\"]\n");

        var run = await Cli.RunAsync("identity", "serve", "--ca-dir", ca, "--socket", Path.Combine(_dir, "agent.sock"), "--entries", entries);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains($"{entries}:3:", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
