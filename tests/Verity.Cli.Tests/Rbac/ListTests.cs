namespace Verity.Cli.Tests.Rbac;

/// <summary><c>verity rbac list</c>: effective rules like <c>kubectl auth can-i --list</c>.</summary>
public sealed class ListTests
{
    [Fact]
    public async Task A_users_rules_in_a_namespace_as_kubectl_prints_them()
    {
        var run = await RbacTestData.Run("list", "--as", "alice", "-n", "api");
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        Assert.Equal(
            """
            Resources   Non-Resource URLs   Resource Names   Verbs
            pods        []                  []               [get list]
            pods/exec   []                  []               [create]
            pods/log    []                  []               [get list]

            """, run.Stdout);
    }

    [Fact]
    public async Task A_service_account_with_rules_from_a_role_binding_and_its_group()
    {
        var run = await RbacTestData.Run("list", "--as", "system:serviceaccount:api:deployer", "-n", "api");
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        RbacTestData.AssertGolden("list-deployer.txt", run.Stdout);
    }

    [Fact]
    public async Task Cluster_scope_has_non_resource_urls()
    {
        var run = await RbacTestData.Run("list", "--as", "system:serviceaccount:monitoring:prometheus", "-A", "-o", "json");
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        RbacTestData.AssertGolden("list-prometheus.json", run.Stdout);
    }

    [Fact]
    public async Task System_masters_may_do_everything()
    {
        var run = await Cli.RunAsync(["rbac", "list", "--as", "root", "--as-group", "system:masters", "-f", "-"],
            env => env with { OpenStdin = Cli.Stdin("apiVersion: v1\nkind: Namespace\nmetadata: {name: api}\n") });
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        Assert.Equal(
            """
            Resources   Non-Resource URLs   Resource Names   Verbs
            *.*         []                  []               [*]
                        [*]                 []               [*]

            """, run.Stdout);
    }
}
