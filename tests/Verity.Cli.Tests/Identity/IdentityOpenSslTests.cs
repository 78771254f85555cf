using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Verity.Cli.Tests.Identity;

/// <summary>
/// The issue's acceptance tests on what the CLI writes, checked by the real OpenSSL: <c>ca init</c> (root, and intermediate
/// under an upstream made by openssl itself) then <c>issue</c>; <c>openssl verify -purpose sslclient|sslserver</c> accepts the
/// leaves and <c>s_server -Verify 1 -verify_return_error</c> completes mutual TLS with <c>s_client</c>. Skipped without openssl.
/// </summary>
public sealed class IdentityOpenSslTests : IDisposable
{
    private const string Missing = "openssl is not on PATH; the independent verification tests need it";
    private static readonly bool Available = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Any(d => d.Length > 0 && File.Exists(Path.Combine(d, "openssl")));

    private readonly string _dir = Directory.CreateTempSubdirectory("verity-cli-openssl-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<string> CaAsync(bool upstream)
    {
        var ca = Path.Combine(_dir, "ca");
        string[] extra = [];
        if (upstream)
        {
            // An organisation root made by openssl, not by Verity.
            var (exit, output) = OpenSsl(_dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384", "-nodes",
                "-keyout", "org.key", "-out", "org.crt", "-days", "30", "-subj", "/O=Example Corp/CN=Org Root",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
            Assert.True(exit == 0, output);
            extra = ["--upstream-cert", Path.Combine(_dir, "org.crt"), "--upstream-key", Path.Combine(_dir, "org.key")];
        }
        var init = await Cli.RunAsync(["identity", "ca", "init", "--trust-domain", "example.org", "--ca-dir", ca, .. extra]);
        Assert.True(init.ExitCode == ExitCodes.Ok, init.Stderr);
        return ca;
    }

    private async Task<string> IssueAsync(string ca, string name, string id)
    {
        var outDir = Path.Combine(_dir, name);
        var run = await Cli.RunAsync("identity", "issue", "--ca-dir", ca, "--spiffe-id", id, "--out", outDir);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Stderr);
        return outDir;
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Openssl_verifies_cli_issued_leaves_for_client_and_server(bool upstream)
    {
        Skip.IfNot(Available, Missing);
        var ca = await CaAsync(upstream);
        var web = await IssueAsync(ca, "web", "spiffe://example.org/ns/default/sa/web");
        foreach (var purpose in new[] { "sslclient", "sslserver" })
        {
            var (exit, output) = OpenSsl(web, "verify", "-CAfile", Path.Combine(ca, "bundle.crt"), "-untrusted", "svid.crt", "-purpose", purpose, "svid.crt");
            Assert.True(exit == 0, output);
            Assert.Equal("svid.crt: OK", output.Trim());
        }
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Two_cli_issued_svids_complete_mutual_tls(bool upstream)
    {
        Skip.IfNot(Available, Missing);
        var ca = await CaAsync(upstream);
        var server = await IssueAsync(ca, "server", "spiffe://example.org/ns/prod/sa/api");
        var client = await IssueAsync(ca, "client", "spiffe://example.org/ns/prod/sa/web");
        var (serverOut, clientOut) = Handshake(server, client);
        Assert.Contains("verify return:1", serverOut);
        Assert.Contains("Client certificate", serverOut);
        Assert.DoesNotContain("verify error", serverOut);
        Assert.Contains("Verify return code: 0 (ok)", clientOut);
    }

    [SkippableFact]
    public async Task S_server_rejects_a_client_of_another_ca()
    {
        Skip.IfNot(Available, Missing);
        var ca = await CaAsync(upstream: false);
        var server = await IssueAsync(ca, "server", "spiffe://example.org/api");
        var otherCa = Path.Combine(_dir, "other");
        Assert.Equal(ExitCodes.Ok, (await Cli.RunAsync("identity", "ca", "init", "--trust-domain", "example.org", "--ca-dir", otherCa)).ExitCode);
        var stranger = await IssueAsync(otherCa, "stranger", "spiffe://example.org/web");
        var (serverOut, _) = Handshake(server, stranger);
        Assert.Contains("verify error:num=20:unable to get local issuer certificate", serverOut);
        Assert.DoesNotContain("Client certificate", serverOut);
    }

    /// <summary>One handshake on a free loopback port; s_server accepts once (-naccept 1); every wait has a timeout.</summary>
    private static (string Server, string Client) Handshake(string serverDir, string clientDir)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        using var server = Start(serverDir, "s_server", "-accept", port.ToString(CultureInfo.InvariantCulture), "-naccept", "1", "-Verify", "1",
            "-verify_return_error", "-cert", "svid.crt", "-cert_chain", "svid.crt", "-key", "svid.key", "-CAfile", "bundle.crt");
        var output = new StringBuilder();
        var ready = new TaskCompletionSource();
        void Collect(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
            if (line.Contains("ACCEPT", StringComparison.Ordinal)) ready.TrySetResult();
        }
        server.OutputDataReceived += (_, e) => Collect(e.Data);
        server.ErrorDataReceived += (_, e) => Collect(e.Data);
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            Assert.True(ready.Task.Wait(TimeSpan.FromSeconds(15)), "s_server did not start");
            var (_, clientOut) = OpenSsl(clientDir, "s_client", "-connect", $"127.0.0.1:{port}", "-cert", "svid.crt", "-cert_chain", "svid.crt",
                "-key", "svid.key", "-CAfile", "bundle.crt");
            if (!server.WaitForExit(TimeSpan.FromSeconds(15))) server.Kill(entireProcessTree: true);
            server.WaitForExit();
            lock (output) return (output.ToString(), clientOut);
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
        }
    }

    private static (int Exit, string Output) OpenSsl(string dir, params string[] args)
    {
        using var process = Start(dir, args);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"openssl {string.Join(' ', args)} timed out");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static Process Start(string dir, params string[] args)
    {
        var info = new ProcessStartInfo("openssl")
        {
            WorkingDirectory = dir, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return Process.Start(info)!;
    }
}
