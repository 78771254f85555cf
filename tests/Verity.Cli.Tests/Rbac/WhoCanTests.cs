namespace Verity.Cli.Tests.Rbac;

/// <summary><c>verity rbac who-can</c> on testdata/rbac/cluster.yaml: subjects with binding and role, groups expanded to service accounts.</summary>
public sealed class WhoCanTests
{
    [Fact]
    public async Task Table_lists_subjects_and_service_accounts_reached_through_a_group()
    {
        var run = await RbacTestData.Run("who-can", "get", "configmaps", "-n", "api");
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        RbacTestData.AssertGolden("who-can-configmaps.txt", run.Stdout);
    }

    [Fact]
    public async Task Json_for_a_subresource()
    {
        var run = await RbacTestData.Run("who-can", "create", "pods", "web-0", "--subresource", "exec", "-n", "api", "-o", "json");
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        RbacTestData.AssertGolden("who-can-exec.json", run.Stdout);
    }

    [Fact]
    public async Task A_non_resource_url()
    {
        var run = await RbacTestData.Run("who-can", "get", "/metrics");
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        Assert.Equal(
            """
            SUBJECT                                BINDING                         ROLE                        VIA
            Group ops                              ClusterRoleBinding ops-admin    ClusterRole cluster-admin
            ServiceAccount monitoring/prometheus   ClusterRoleBinding prometheus   ClusterRole prometheus

            2 grants allow get /metrics (members of system:masters, allowed everything, are not listed).

            """, run.Stdout);
    }

    [Fact]
    public async Task All_namespaces_leaves_out_role_bindings()
    {
        var run = await RbacTestData.Run("who-can", "list", "configmaps", "-A", "-o", "json");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("\"name\": \"ops\"", run.Stdout);
        Assert.DoesNotContain("RoleBinding api/", run.Stdout);
    }

    [Fact]
    public async Task Nobody_is_said_plainly()
    {
        const string yaml = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: lonely, namespace: api}\n";
        var run = await Cli.RunAsync(["rbac", "who-can", "delete", "secrets", "-n", "api", "-f", "-"], env => env with { OpenStdin = Cli.Stdin(yaml) });
        Assert.Equal((ExitCodes.Ok, "No subject may delete secrets in namespace api.\n", ""), (run.ExitCode, run.Stdout, run.Stderr));
    }
}
