using Verity.Core.Model;
using Verity.Kube.Tests.Support;

namespace Verity.Kube.Tests;

/// <summary>
/// A server that cannot be reached is one diagnostic and no further request. The reachable side is a local
/// HTTP server (no Kubernetes API server can be installed on these machines).
/// </summary>
public sealed class UnreachableServerTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_port_nothing_listens_on_is_one_clear_diagnostic()
    {
        var port = RecordedApiServer.FreePort();
        var kubeconfig = Kubeconfig.For(_dir, $"http://127.0.0.1:{port}");

        var result = await LiveClusterReader.ReadAsync(new LiveClusterOptions { Kubeconfig = kubeconfig }, CancellationToken.None);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticLevel.Error, diagnostic.Level);
        Assert.Equal(DiagnosticCodes.ApiError, diagnostic.Code);
        Assert.Equal($"cannot reach the Kubernetes API server at http://127.0.0.1:{port}: Connection refused", diagnostic.Message);
        Assert.Empty(result.Objects);
    }

    [Fact]
    public async Task A_TLS_handshake_with_a_plain_HTTP_server_fails_clearly_after_one_attempt()
    {
        using var server = RecordedApiServer.Start();
        var https = server.Url.Replace("http://", "https://", StringComparison.Ordinal);
        var kubeconfig = _dir.Write("kubeconfig", $"""
            apiVersion: v1
            kind: Config
            current-context: tls
            clusters:
            - name: tls
              cluster:
                server: {https}
                insecure-skip-tls-verify: true
            contexts:
            - name: tls
              context:
                cluster: tls
                user: tls
            users:
            - name: tls
              user:
                token: t
            """);

        var result = await LiveClusterReader.ReadAsync(new LiveClusterOptions { Kubeconfig = kubeconfig }, CancellationToken.None);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.StartsWith($"cannot reach the Kubernetes API server at {https}: TLS handshake failed: ", diagnostic.Message);
        Assert.Empty(result.Objects);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_throws()
    {
        using var server = RecordedApiServer.Start();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => LiveClusterReader.ReadAsync(
            new LiveClusterOptions { Kubeconfig = Kubeconfig.For(_dir, server.Url) }, cancelled.Token));
    }
}
