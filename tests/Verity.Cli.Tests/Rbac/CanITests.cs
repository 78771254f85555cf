namespace Verity.Cli.Tests.Rbac;

/// <summary>
/// <c>verity rbac can-i</c> against testdata/rbac/cluster.yaml, with <c>kubectl auth can-i</c>'s arguments and answers:
/// <c>yes</c>/<c>no</c> alone on stdout, exit 0/1.
/// </summary>
public sealed class CanITests
{
    private const string Deployer = "system:serviceaccount:api:deployer";
    private const string Prometheus = "system:serviceaccount:monitoring:prometheus";

    private static async Task AssertAnswer(bool allowed, params string[] args)
    {
        var run = await RbacTestData.Run(["can-i", .. args]);
        Assert.Equal((allowed ? ExitCodes.Ok : ExitCodes.Failed, allowed ? "yes\n" : "no\n", ""), (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Fact]
    public Task The_deployer_service_account_can_create_deployments_in_its_namespace() =>
        AssertAnswer(true, "create", "deployments.apps", "-n", "api", "--as", Deployer);

    [Fact]
    public Task The_deployer_cannot_create_deployments_in_another_namespace() =>
        AssertAnswer(false, "create", "deployments.apps", "-n", "payments", "--as", Deployer);

    [Theory]
    [InlineData("deploy")]
    [InlineData("deployment")]
    [InlineData("deployments")]
    [InlineData("Deployments")]
    [InlineData("deploy.apps")]
    [InlineData("deployments.v1.apps")]
    public Task Short_singular_and_versioned_names_resolve_like_kubectl(string type) =>
        AssertAnswer(true, "patch", type, "-n", "api", "--as", Deployer);

    [Fact]
    public async Task A_type_in_another_group_is_another_resource()
    {
        var run = await RbacTestData.Run("can-i", "patch", "deployments.extensions", "-n", "api", "--as", Deployer);
        Assert.Equal((ExitCodes.Failed, "no\n"), (run.ExitCode, run.Stdout));
        Assert.Equal("Warning: the resource type 'deployments' in group 'extensions' is not in verity's table of built-in types; taken literally\n", run.Stderr);
    }

    [Fact]
    public async Task Without_n_the_namespace_is_default()
    {
        await AssertAnswer(false, "list", "configmaps", "--as", "system:serviceaccount:api:web");
        await AssertAnswer(true, "list", "cm", "-n", "api", "--as", "system:serviceaccount:api:web");
    }

    [Fact]
    public async Task All_namespaces_asks_at_cluster_scope_where_only_cluster_role_bindings_count()
    {
        await AssertAnswer(true, "watch", "pods", "-A", "--as", Prometheus);
        await AssertAnswer(false, "list", "configmaps", "-A", "--as", "system:serviceaccount:api:web");
        await AssertAnswer(false, "list", "configmaps", "-n", "api", "-A", "--as", "system:serviceaccount:api:web"); // -A wins, as in kubectl
    }

    [Fact]
    public async Task Non_resource_urls_match_exactly_or_by_a_trailing_star()
    {
        await AssertAnswer(true, "get", "/metrics", "--as", Prometheus);
        await AssertAnswer(true, "get", "/metrics/cadvisor", "--as", Prometheus);
        await AssertAnswer(false, "get", "/healthz", "--as", Prometheus);
        await AssertAnswer(false, "post", "/metrics", "--as", Prometheus);
    }

    [Fact]
    public async Task Type_slash_name_and_subresource_like_kubectl()
    {
        await AssertAnswer(true, "create", "pods/web-0", "--subresource", "exec", "-n", "api", "--as", "bob", "--as-group", "api-oncall");
        await AssertAnswer(true, "create", "pods", "web-0", "--subresource", "exec", "-n", "api", "--as", "alice");
        await AssertAnswer(false, "create", "pods/web-0", "--subresource", "exec", "-n", "api", "--as", "bob");
        await AssertAnswer(false, "create", "pods/web-0", "-n", "api", "--as", "alice"); // pods, not pods/exec
    }

    [Fact]
    public async Task Resource_names_limit_a_rule_and_a_subject_without_namespace_takes_the_bindings()
    {
        await AssertAnswer(true, "get", "secret/payments-db", "-n", "payments", "--as", "system:serviceaccount:payments:payments-api");
        await AssertAnswer(false, "get", "secrets", "stripe-key", "-n", "payments", "--as", "system:serviceaccount:payments:payments-api");
        await AssertAnswer(false, "list", "secrets", "-n", "payments", "--as", "system:serviceaccount:payments:payments-api");
    }

    [Fact]
    public Task As_group_replaces_the_service_account_groups_as_kubectl_impersonation_does() =>
        AssertAnswer(false, "list", "configmaps", "-n", "api", "--as", "system:serviceaccount:api:web", "--as-group", "developers");

    [Fact]
    public async Task System_masters_may_do_anything_without_a_grant()
    {
        await AssertAnswer(true, "*", "*", "--as", "root", "--as-group", "system:masters");
        var run = await RbacTestData.Run("can-i", "delete", "nodes", "--as", "root", "--as-group", "system:masters", "-o", "json");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("\"reason\": \"user is in group \\\"system:masters\\\", which bypasses RBAC\"", run.Stdout);
        Assert.Contains("\"grant\": null", run.Stdout);
    }

    [Fact]
    public async Task Json_gives_the_reason_and_the_grant()
    {
        var run = await RbacTestData.Run("can-i", "create", "deployments.apps", "-n", "api", "--as", Deployer, "-o", "json");
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        RbacTestData.AssertGolden("can-i-allowed.json", run.Stdout);
    }

    [Fact]
    public async Task Json_when_denied_has_a_null_grant_and_exit_1()
    {
        var run = await RbacTestData.Run("can-i", "get", "secrets", "-n", "api", "--as", Deployer, "-o", "json");
        Assert.Equal((ExitCodes.Failed, ""), (run.ExitCode, run.Stderr));
        RbacTestData.AssertGolden("can-i-denied.json", run.Stdout);
    }

    [Fact]
    public async Task An_unknown_type_is_taken_literally_with_a_warning()
    {
        var run = await RbacTestData.Run("can-i", "list", "widgets.example.com", "--as", "bob", "--as-group", "ops");
        Assert.Equal((ExitCodes.Ok, "yes\n"), (run.ExitCode, run.Stdout));
        Assert.Equal("Warning: the resource type 'widgets' in group 'example.com' is not in verity's table of built-in types; taken literally\n", run.Stderr);
    }

    [Fact]
    public async Task A_cluster_scoped_type_asked_with_a_namespace_gets_kubectls_warning()
    {
        var run = await RbacTestData.Run("can-i", "list", "nodes", "-n", "api", "--as", Prometheus);
        Assert.Equal((ExitCodes.Ok, "yes\n", "Warning: resource 'nodes' is not namespace scoped\n"), (run.ExitCode, run.Stdout, run.Stderr));
        run = await RbacTestData.Run("can-i", "list", "clusterroles", "--as", Prometheus);
        Assert.Equal((ExitCodes.Failed, "no\n", "Warning: resource 'clusterroles' is not namespace scoped in group 'rbac.authorization.k8s.io'\n"),
            (run.ExitCode, run.Stdout, run.Stderr));
        run = await RbacTestData.Run("can-i", "list", "nodes", "-A", "--as", Prometheus);
        Assert.Equal((ExitCodes.Ok, "yes\n", ""), (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Fact]
    public async Task An_unknown_verb_is_asked_with_kubectls_warning()
    {
        var run = await RbacTestData.Run("can-i", "frobnicate", "pods", "-n", "api", "--as", "bob", "--as-group", "ops");
        Assert.Equal((ExitCodes.Ok, "yes\n", "Warning: verb 'frobnicate' is not a known verb\n"), (run.ExitCode, run.Stdout, run.Stderr));
        run = await RbacTestData.Run("can-i", "list", "/metrics", "--as", "system:serviceaccount:monitoring:prometheus");
        Assert.Equal((ExitCodes.Failed, "no\n", "Warning: verb 'list' is not a known verb\n"), (run.ExitCode, run.Stdout, run.Stderr));
    }
}
