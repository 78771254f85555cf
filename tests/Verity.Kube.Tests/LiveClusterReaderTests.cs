using Verity.Core.Loading;
using Verity.Core.Model;
using Verity.Kube.Tests.Support;

namespace Verity.Kube.Tests;

/// <summary>
/// Reading a cluster over HTTP. No Kubernetes API server can be installed on these machines, so these tests
/// run against <see cref="RecordedApiServer"/>: a real local HTTP server that replays recorded API list
/// responses (testdata/recorded). They prove what the reader asks for and what it makes of the answers;
/// they do not prove how a real server pages, authorizes or orders objects.
/// </summary>
public sealed class LiveClusterReaderTests : IDisposable
{
    private const string Rbac = "/apis/rbac.authorization.k8s.io/v1";
    private const string PolicyApi = "/apis/policy.networking.k8s.io";

    private readonly TempDirectory _dir = new();
    private readonly RecordedApiServer _server = RecordedApiServer.Start();

    public void Dispose()
    {
        _server.Dispose();
        _dir.Dispose();
    }

    private Task<LoadResult> Read(int pageSize = 500, string? ns = null) =>
        LiveClusterReader.ReadAsync(
            new LiveClusterOptions { Kubeconfig = Kubeconfig.For(_dir, _server.Url), PageSize = pageSize, Namespace = ns },
            CancellationToken.None);

    [Fact]
    public async Task Lists_every_kind_once_in_table_order_with_the_context_token()
    {
        var result = await Read();

        Assert.Empty(result.Diagnostics);
        Assert.Equal(
        [
            "/api/v1/namespaces", "/api/v1/pods", "/api/v1/pods", "/api/v1/pods", "/api/v1/services", "/api/v1/serviceaccounts",
            "/api/v1/replicationcontrollers", "/apis/apps/v1/deployments", "/apis/apps/v1/replicasets", "/apis/apps/v1/statefulsets",
            "/apis/apps/v1/daemonsets", "/apis/batch/v1/jobs", "/apis/batch/v1/cronjobs", "/apis/networking.k8s.io/v1/networkpolicies",
            $"{Rbac}/roles", $"{Rbac}/rolebindings", $"{Rbac}/clusterroles", $"{Rbac}/clusterrolebindings",
            $"{PolicyApi}/v1alpha2/clusternetworkpolicies", $"{PolicyApi}/v1alpha1/adminnetworkpolicies",
            $"{PolicyApi}/v1alpha1/baselineadminnetworkpolicies",
        ], _server.Requests.Select(r => r.Path));
        Assert.All(_server.Requests, r =>
        {
            Assert.Equal("GET", r.Method);
            Assert.Equal("Bearer test-token", r.Authorization);
            Assert.Equal("application/json", r.Accept);
            Assert.Equal("500", r.Limit);
            Assert.Null(r.FieldSelector);
        });
    }

    [Fact]
    public async Task Loads_every_recorded_object()
    {
        var result = await Read();

        var counts = result.Objects.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int>
        {
            ["Namespace"] = 3, ["Pod"] = 5, ["Service"] = 3, ["ServiceAccount"] = 6, ["Deployment"] = 2, ["ReplicaSet"] = 2,
            ["DaemonSet"] = 1, ["NetworkPolicy"] = 2, ["Role"] = 1, ["RoleBinding"] = 1, ["ClusterRole"] = 2, ["ClusterRoleBinding"] = 1,
        }, counts);
    }

    [Fact]
    public async Task Pages_through_a_kind_with_limit_and_the_servers_continue_tokens()
    {
        var result = await Read(pageSize: 2);

        Assert.Empty(result.Diagnostics);
        var podRequests = _server.Requests.Where(r => r.Path == "/api/v1/pods").Select(r => (r.Limit, r.Continue));
        Assert.Equal([("2", null), ("2", TestData.FirstPodsToken), ("2", TestData.SecondPodsToken)], podRequests);
        Assert.Equal(
            ["demo/Pod/debug", "demo/Pod/web-7d4b9c6f8d-abcde", "demo/Pod/web-7d4b9c6f8d-fghij",
             "kube-system/Pod/coredns-5d78c9869d-x2x7p", "kube-system/Pod/kube-proxy-q8w4n"],
            result.Objects.Where(o => o.Kind == "Pod").Select(o => o.Ref.Display));
    }

    [Fact]
    public async Task Objects_are_those_of_the_same_response_read_as_a_file_named_by_its_URL()
    {
        var result = await Read();

        var url = $"{_server.Url}/api/v1/namespaces";
        var fromFile = ManifestParser.Parse(await File.ReadAllBytesAsync(TestData.File("namespaces.json")), url);
        var live = result.Objects.Where(o => o.Kind == "Namespace").ToList();
        Assert.Equal(fromFile.Objects.Select(o => (o.Ref, o.Uid, o.Source)), live.Select(o => (o.Ref, o.Uid, o.Source)));
        Assert.Equal(new SourceLocation(url, 8, 5, 0), live[0].Source);
        Assert.Equal("v1", live[0].Ref.ApiVersion);
        Assert.Equal("shop", live.Single(n => n.Name == "demo").Labels["team"]);
    }

    [Fact]
    public async Task A_forbidden_kind_is_one_error_and_every_other_kind_still_loads()
    {
        _server.Override($"{Rbac}/clusterroles", 403, "clusterroles-forbidden.json");

        var result = await Read();

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticLevel.Error, diagnostic.Level);
        Assert.Equal(DiagnosticCodes.ApiError, diagnostic.Code);
        Assert.Equal(
            "forbidden: cannot list clusterroles at cluster scope: clusterroles.rbac.authorization.k8s.io is forbidden: " +
            "User \"system:serviceaccount:verity:scanner\" cannot list resource \"clusterroles\" in API group \"rbac.authorization.k8s.io\" at the cluster scope",
            diagnostic.Message);
        Assert.Equal(new SourceLocation($"{_server.Url}{Rbac}/clusterroles"), diagnostic.Location);
        Assert.DoesNotContain(result.Objects, o => o.Kind == "ClusterRole");
        Assert.Equal(["cluster-admin"], result.Objects.Where(o => o.Kind == "ClusterRoleBinding").Select(o => o.Name));
        Assert.Equal(5, result.Objects.Count(o => o.Kind == "Pod"));
    }

    [Fact]
    public async Task A_forbidden_optional_CRD_kind_is_a_warning()
    {
        _server.Override($"{PolicyApi}/v1alpha2/clusternetworkpolicies", 403, "clusternetworkpolicies-forbidden.json");

        var result = await Read();

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticLevel.Warning, diagnostic.Level);
        Assert.StartsWith(
            "forbidden: cannot list clusternetworkpolicies at cluster scope (an optional CRD that may not be installed): clusternetworkpolicies.policy.networking.k8s.io is forbidden",
            diagnostic.Message);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public async Task A_missing_builtin_kind_is_an_error_naming_the_group_version()
    {
        _server.Override("/apis/batch/v1/cronjobs", 404, "not-found.json");

        var result = await Read();

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticLevel.Error, diagnostic.Level);
        Assert.Equal(
            $"not found: the Kubernetes API server at {_server.Url} does not serve cronjobs (batch/v1): the server could not find the requested resource",
            diagnostic.Message);
    }

    [Fact]
    public async Task Rejected_credentials_stop_after_the_first_request()
    {
        _server.Override("/api/v1/namespaces", 401, "unauthorized.json");

        var result = await Read();

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(
            $"unauthorized: the Kubernetes API server at {_server.Url} rejected the credentials of context \"test\": Unauthorized",
            diagnostic.Message);
        Assert.Null(diagnostic.Location);
        Assert.Single(_server.Requests);
        Assert.Empty(result.Objects);
    }

    [Fact]
    public async Task An_expired_continue_token_restarts_the_kind_once_then_reports_it()
    {
        _server.Override("/api/v1/pods", 410, "pods-expired.json", TestData.FirstPodsToken);

        var result = await Read(pageSize: 2);

        Assert.Equal(
            [null, TestData.FirstPodsToken, null, TestData.FirstPodsToken],
            _server.Requests.Where(r => r.Path == "/api/v1/pods").Select(r => r.Continue));
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.StartsWith(
            "cannot list pods in all namespaces: the continue token expired twice while paging (the list changes faster than it is read; " +
            "a larger page size helps): The provided continue parameter is too old",
            diagnostic.Message);
        Assert.DoesNotContain(result.Objects, o => o.Kind == "Pod");
        Assert.Equal(2, result.Objects.Count(o => o.Kind == "Deployment"));
    }

    [Fact]
    public async Task One_namespace_lists_namespaced_kinds_there_and_only_its_Namespace_object()
    {
        using var server = RecordedApiServer.Start(TestData.File("demo/routes.json"));

        var result = await LiveClusterReader.ReadAsync(
            new LiveClusterOptions { Kubeconfig = Kubeconfig.For(_dir, server.Url), Namespace = "demo" }, CancellationToken.None);

        Assert.Empty(result.Diagnostics);
        var namespaces = server.Requests[0];
        Assert.Equal(("/api/v1/namespaces", "metadata.name=demo"), (namespaces.Path, namespaces.FieldSelector));
        Assert.All(server.Requests.Skip(1), r => Assert.Null(r.FieldSelector));
        Assert.Equal(
        [
            "/api/v1/namespaces/demo/pods", "/api/v1/namespaces/demo/services", "/api/v1/namespaces/demo/serviceaccounts",
            "/api/v1/namespaces/demo/replicationcontrollers", "/apis/apps/v1/namespaces/demo/deployments",
            "/apis/apps/v1/namespaces/demo/replicasets", "/apis/apps/v1/namespaces/demo/statefulsets",
            "/apis/apps/v1/namespaces/demo/daemonsets", "/apis/batch/v1/namespaces/demo/jobs", "/apis/batch/v1/namespaces/demo/cronjobs",
            "/apis/networking.k8s.io/v1/namespaces/demo/networkpolicies", $"{Rbac}/namespaces/demo/roles",
            $"{Rbac}/namespaces/demo/rolebindings", $"{Rbac}/clusterroles", $"{Rbac}/clusterrolebindings",
        ], server.Requests.Skip(1).Take(15).Select(r => r.Path));
        Assert.Equal(["demo"], result.Objects.Where(o => o.Kind == "Namespace").Select(o => o.Name));
        Assert.All(result.Objects.Where(o => o.Namespace is not null), o => Assert.Equal("demo", o.Namespace));
        Assert.Equal(3, result.Objects.Count(o => o.Kind == "Pod"));
    }
}
