namespace Verity.Cli.Tests.Rbac;

/// <summary>
/// <c>verity rbac diff</c> between testdata/rbac/diff/before.yaml and after.yaml: the deployer gains secrets and every verb on
/// deployments in api, payments-api gains every secret of payments (resourceNames dropped), Prometheus loses nodes.
/// </summary>
public sealed class RbacDiffTests
{
    private static readonly string Before = RbacTestData.Path("diff", "before.yaml");
    private static readonly string After = RbacTestData.Path("diff", "after.yaml");

    [Fact]
    public async Task Gains_exit_1_and_are_listed_per_subject()
    {
        var run = await Cli.RunAsync("rbac", "diff", "-f", Before, "--against", After);
        Assert.Equal((ExitCodes.Failed, ""), (run.ExitCode, run.Stderr));
        RbacTestData.AssertGolden("diff.txt", run.Stdout);
    }

    [Fact]
    public async Task Json_lists_each_permission_with_its_grant()
    {
        var run = await Cli.RunAsync("rbac", "diff", "-f", Before, "--against", After, "-o", "json");
        Assert.Equal((ExitCodes.Failed, ""), (run.ExitCode, run.Stderr));
        RbacTestData.AssertGolden("diff.json", run.Stdout);
    }

    [Fact]
    public async Task No_change_exits_0()
    {
        var run = await Cli.RunAsync("rbac", "diff", "-f", Before, "--against", Before);
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        Assert.Equal("Compared 8 subjects in 3 namespaces and cluster-wide: 0 permissions gained by 0 subjects, 0 permissions lost by 0 subjects.\n", run.Stdout);
    }

    [Fact]
    public async Task Only_losses_exit_0()
    {
        var run = await Cli.RunAsync("rbac", "diff", "-f", Before, "-f", RbacTestData.Path("diff", "bob-reader.yaml"), "--against", Before);
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        Assert.Equal(
            """
            User bob
              - get,list pods cluster-wide  (via ClusterRoleBinding reader -> ClusterRole reader)

            Compared 9 subjects in 3 namespaces and cluster-wide: 0 permissions gained by 0 subjects, 2 permissions lost by 1 subject.

            """, run.Stdout);
    }

    [Fact]
    public async Task A_bad_after_input_exits_2_after_the_diff()
    {
        var run = await Cli.RunAsync("rbac", "diff", "-f", Before, "--against", "/no/such/dir", "-o", "json");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("/no/such/dir: error VT1001: cannot read input: no such file or directory\nerror: no Kubernetes objects found in /no/such/dir\n", run.Stderr);
        Assert.Contains("\"lost\": [", run.Stdout);
    }
}
