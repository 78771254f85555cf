using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Verity.Server.Tests.WorkloadApi;

/// <summary>
/// Issue 8's acceptance test: an independent client (tools/node/workload-api-client.js: @grpc/grpc-js and
/// @grpc/proto-loader, loading the same workload.proto) talks to the real server over its Unix socket. It must see
/// InvalidArgument without the security header, then the first X.509-SVID, then — after the test moves the server's
/// clock past the renewal time while the stream is open — a rotated SVID with another serial.
/// </summary>
public sealed class WorkloadApiNodeClientTests
{
    [SkippableFact]
    public async Task The_node_grpc_client_sees_the_header_check_the_SVID_and_its_rotation()
    {
        var script = NodeClientOrSkip();
        var entry = $"- spiffeId: spiffe://example.org/node-client\n  selectors: [\"unix:uid:{WorkloadApiHost.CurrentUid()}\"]\n";
        await using var host = await WorkloadApiHost.StartAsync(entry);
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { script, "--socket", host.SocketPath, "--messages", "2", "--timeout-ms", "40000" }) start.ArgumentList.Add(arg);
        using var node = Process.Start(start)!;
        var lines = new List<JsonElement>();
        var firstSvid = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = node.StandardError.ReadToEndAsync();
        var stdout = Task.Run(async () =>
        {
            while (await node.StandardOutput.ReadLineAsync() is { } line)
            {
                var json = JsonDocument.Parse(line).RootElement.Clone();
                lock (lines) lines.Add(json);
                if (json.GetProperty("step").GetString() == "x509svid") firstSvid.TrySetResult();
            }
        });
        try
        {
            await firstSvid.Task.WaitAsync(TimeSpan.FromSeconds(45));
            host.Clock.Advance(TimeSpan.FromMinutes(40)); // past the 1 h SVID's renewal time (≤ 36 min)
            await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(45));
            await stdout.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            node.Kill(entireProcessTree: true);
            Assert.Fail($"the node client did not finish; stdout: {string.Join("\n", lines)}; stderr: {await stderr}");
        }

        var steps = lines.Select(l => l.GetProperty("step").GetString()).ToList();
        Assert.True(node.ExitCode == 0, $"exit {node.ExitCode}; stdout: {string.Join("\n", lines)}; stderr: {await stderr}");
        Assert.Equal(["no-header", "x509svid", "x509svid", "done"], steps);
        Assert.Equal(3, lines[0].GetProperty("code").GetInt32());
        Assert.Equal("INVALID_ARGUMENT", lines[0].GetProperty("status").GetString());
        Assert.Equal("security header missing from request", lines[0].GetProperty("details").GetString());
        Assert.Equal("spiffe://example.org/node-client", lines[1].GetProperty("spiffe_id").GetString());
        Assert.Equal("spiffe://example.org/node-client", lines[2].GetProperty("spiffe_id").GetString());
        var first = lines[1].GetProperty("serial").GetString();
        var second = lines[2].GetProperty("serial").GetString();
        Assert.False(string.IsNullOrEmpty(first));
        Assert.NotEqual(first, second);
        Assert.True(DateTimeOffset.Parse(lines[2].GetProperty("not_after").GetString()!, System.Globalization.CultureInfo.InvariantCulture) >
                    DateTimeOffset.Parse(lines[1].GetProperty("not_after").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Walks up to Verity.slnx from the test binaries, the working directory, then this source file (builds with a separate artifacts path).</summary>
    [SkippableFact]
    public async Task The_node_client_verifies_a_JWT_SVID_against_the_JWT_bundle_and_the_server_validates_it()
    {
        var script = NodeClientOrSkip();
        var entry = $"- spiffeId: spiffe://example.org/node-client\n  selectors: [\"unix:uid:{WorkloadApiHost.CurrentUid()}\"]\n";
        await using var host = await WorkloadApiHost.StartAsync(entry);
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { script, "--socket", host.SocketPath, "--messages", "0", "--jwt-audience", "payments", "--timeout-ms", "30000" }) start.ArgumentList.Add(arg);
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        try
        {
            await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(40));
        }
        catch (TimeoutException)
        {
            node.Kill(entireProcessTree: true);
            throw;
        }
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(node.ExitCode == 0, $"exit {node.ExitCode}; stdout: {await stdout}; stderr: {await stderr}");
        Assert.Equal(["no-header", "jwtsvid", "validate", "validate-wrong-audience", "done"], lines.Select(l => l.GetProperty("step").GetString()));
        var jwt = lines[1];
        Assert.Equal("ES256", jwt.GetProperty("alg").GetString());
        Assert.Equal("jwt-svid", jwt.GetProperty("use").GetString());
        Assert.Equal("spiffe://example.org/node-client", jwt.GetProperty("sub").GetString());
        Assert.Equal("payments", jwt.GetProperty("aud").GetString());
        Assert.Equal(300, jwt.GetProperty("ttl_s").GetInt32());
        Assert.True(jwt.GetProperty("verified_locally").GetBoolean());
        Assert.Equal("spiffe://example.org/node-client", lines[2].GetProperty("spiffe_id").GetString());
        Assert.Equal("INVALID_ARGUMENT", lines[3].GetProperty("status").GetString());
    }

    /// <summary>The client script's path, or a skip (with the reason) when the repository, its node_modules or node are missing.</summary>
    private static string NodeClientOrSkip()
    {
        var root = RepoRoot();
        Skip.If(root is null, "the repository root (Verity.slnx) was not found above the test directory");
        Skip.IfNot(Directory.Exists(Path.Combine(root, "tools", "node", "node_modules", "@grpc", "grpc-js")),
            "tools/node/node_modules/@grpc/grpc-js is missing: run `npm ci` in tools/node");
        Skip.If(FindOnPath("node") is null, "node is not on PATH");
        return Path.Combine(root, "tools", "node", "workload-api-client.js");
    }

    private static string? RepoRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = start.Length == 0 ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Verity.slnx"))) return dir.FullName;
        }
        return null;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
