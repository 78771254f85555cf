using Verity.Core.Model;
using Verity.Kube.Config;
using Verity.Kube.Tests.Support;
using static Verity.Kube.Tests.Support.Kubeconfig;

namespace Verity.Kube.Tests;

/// <summary>
/// Which cluster and credentials a read uses: <c>--kubeconfig</c>, <c>KUBECONFIG</c>, <c>--context</c>, and the
/// problems a configuration can have. The clusters are local recorded-response HTTP servers, because no
/// Kubernetes API server can be installed on these machines.
/// </summary>
public sealed class KubeconfigTests : IDisposable
{
    private static readonly KubeEnvironment Nowhere = new(KubeconfigVariable: null, HomeDirectory: null, InCluster: false);

    private readonly TempDirectory _dir = new();
    private readonly RecordedApiServer _prod = RecordedApiServer.Start();
    private readonly RecordedApiServer _staging = RecordedApiServer.Start();

    public void Dispose()
    {
        _prod.Dispose();
        _staging.Dispose();
        _dir.Dispose();
    }

    private string TwoClusters() => _dir.Write("kubeconfig",
        Text("staging", new Entry("prod", _prod.Url, "prod-token"), new Entry("staging", _staging.Url, "staging-token")));

    private static Task<Core.Loading.LoadResult> Read(LiveClusterOptions options, KubeEnvironment? env = null) =>
        LiveClusterReader.ReadAsync(options, env ?? Nowhere, CancellationToken.None);

    [Theory]
    [InlineData("prod", "prod")]
    [InlineData("staging", "staging")]
    [InlineData(null, "staging")]
    public async Task The_context_picks_the_cluster_and_the_user(string? context, string expected)
    {
        var result = await Read(new LiveClusterOptions { Kubeconfig = TwoClusters(), Context = context });

        Assert.Empty(result.Diagnostics);
        Assert.NotEmpty(result.Objects);
        var (used, unused) = expected == "prod" ? (_prod, _staging) : (_staging, _prod);
        Assert.Empty(unused.Requests);
        Assert.NotEmpty(used.Requests);
        Assert.All(used.Requests, r => Assert.Equal($"Bearer {expected}-token", r.Authorization));
        Assert.StartsWith(used.Url + "/api/v1/", result.Objects[0].Source.File);
    }

    [Fact]
    public async Task An_unknown_context_is_one_diagnostic_listing_the_known_ones_and_nothing_is_sent()
    {
        var kubeconfig = TwoClusters();

        var result = await Read(new LiveClusterOptions { Kubeconfig = kubeconfig, Context = "nope" });

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticLevel.Error, diagnostic.Level);
        Assert.Equal(DiagnosticCodes.ApiError, diagnostic.Code);
        Assert.Equal($"context \"nope\" not found in kubeconfig {kubeconfig} (contexts: prod, staging)", diagnostic.Message);
        Assert.Empty(result.Objects);
        Assert.Empty(_prod.Requests);
        Assert.Empty(_staging.Requests);
    }

    [Fact]
    public async Task A_kubeconfig_without_current_context_asks_for_one()
    {
        var kubeconfig = _dir.Write("kubeconfig", Text(null, new Entry("prod", _prod.Url, "prod-token")));

        var result = await Read(new LiveClusterOptions { Kubeconfig = kubeconfig });

        Assert.Equal($"kubeconfig {kubeconfig} has no current-context: pass --context (contexts: prod)", Assert.Single(result.Diagnostics).Message);
    }

    [Fact]
    public async Task A_missing_kubeconfig_file_is_one_diagnostic()
    {
        var path = Path.Combine(_dir.Path, "no-such-kubeconfig");

        var result = await Read(new LiveClusterOptions { Kubeconfig = path });

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.Unreadable, diagnostic.Code);
        Assert.Equal($"kubeconfig file not found: {path}", diagnostic.Message);
    }

    [Fact]
    public async Task A_malformed_kubeconfig_is_one_diagnostic()
    {
        var path = _dir.Write("kubeconfig", "apiVersion: v1\nkind: Config\nclusters: [\n");

        var result = await Read(new LiveClusterOptions { Kubeconfig = path });

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.Unreadable, diagnostic.Code);
        Assert.StartsWith($"cannot read kubeconfig {path}: ", diagnostic.Message);
    }

    [Fact]
    public async Task A_context_whose_cluster_is_missing_is_one_diagnostic()
    {
        var path = _dir.Write("kubeconfig", """
            apiVersion: v1
            kind: Config
            current-context: broken
            clusters: []
            contexts:
            - name: broken
              context:
                cluster: gone
                user: nobody
            users: []
            """);

        var result = await Read(new LiveClusterOptions { Kubeconfig = path });

        Assert.StartsWith($"cannot use context \"broken\" of kubeconfig {path}: ", Assert.Single(result.Diagnostics).Message);
    }

    [Fact]
    public async Task KUBECONFIG_files_are_merged_first_wins_and_missing_entries_are_ignored()
    {
        var first = _dir.Write("first", Text("staging", new Entry("staging", _staging.Url, "staging-token")));
        var second = _dir.Write("second", Text("prod", new Entry("prod", _prod.Url, "prod-token"), new Entry("staging", _prod.Url, "wrong")));
        var env = Nowhere with { KubeconfigVariable = string.Join(Path.PathSeparator, first, Path.Combine(_dir.Path, "missing"), second) };

        var byDefault = await Read(new LiveClusterOptions(), env);
        var prod = await Read(new LiveClusterOptions { Context = "prod" }, env);

        Assert.Empty(byDefault.Diagnostics);
        Assert.Empty(prod.Diagnostics);
        Assert.All(_staging.Requests, r => Assert.Equal("Bearer staging-token", r.Authorization));
        Assert.All(_prod.Requests, r => Assert.Equal("Bearer prod-token", r.Authorization));
        Assert.Equal(_staging.Requests.Count, _prod.Requests.Count);
    }

    [Fact]
    public async Task The_home_kubeconfig_is_used_when_nothing_else_is_given()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, ".kube"));
        _dir.Write(Path.Combine(".kube", "config"), Text("prod", new Entry("prod", _prod.Url, "prod-token")));

        var result = await Read(new LiveClusterOptions(), Nowhere with { HomeDirectory = _dir.Path });

        Assert.Empty(result.Diagnostics);
        Assert.NotEmpty(_prod.Requests);
    }

    [Fact]
    public async Task No_kubeconfig_outside_a_cluster_is_one_diagnostic()
    {
        var result = await Read(new LiveClusterOptions(), Nowhere with { HomeDirectory = _dir.Path });

        Assert.Equal(
            "no kubeconfig found (~/.kube/config) and not running inside a cluster: pass --kubeconfig or set KUBECONFIG",
            Assert.Single(result.Diagnostics).Message);
    }

    [Fact]
    public async Task A_context_without_any_kubeconfig_is_one_diagnostic()
    {
        var result = await Read(new LiveClusterOptions { Context = "prod" }, Nowhere with { InCluster = true });

        Assert.Equal("no kubeconfig found (~/.kube/config) to take context \"prod\" from", Assert.Single(result.Diagnostics).Message);
    }
}
