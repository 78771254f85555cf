using System.Text.Json;

namespace Verity.Cli.Tests.Rbac;

/// <summary>
/// <c>verity rbac paths</c> on examples/shop: the designed path Deployment storefront/web → ServiceAccount api/orders
/// (create-workload: patch deployments in api) → every Secret (read-secrets through a ClusterRoleBinding).
/// </summary>
public sealed class PathsTests
{
    private static Task<CliRun> Shop(params string[] args) => Cli.RunAsync(["rbac", "paths", .. args, "-f", RepoPaths.Example("shop")]);

    [Fact]
    public async Task Table_prints_each_path_step_by_step()
    {
        var run = await Shop();
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        RbacTestData.AssertGolden("paths-shop.txt", run.Stdout);
    }

    [Fact]
    public async Task Json_lists_paths_with_steps_and_evidence()
    {
        var run = await Shop("-o", "json");
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        RbacTestData.AssertGolden("paths-shop.json", run.Stdout);
    }

    [Fact]
    public async Task The_designed_web_path_goes_through_orders()
    {
        var run = await Shop("-o", "json");
        using var doc = JsonDocument.Parse(run.Stdout);
        var web = doc.RootElement.GetProperty("paths").EnumerateArray().Single(p => p.GetProperty("workload").GetString() == "storefront/Deployment/web");
        Assert.Equal("read-all-secrets", web.GetProperty("goal").GetString());
        Assert.Equal(
            [
                ("Deployment storefront/web", "ServiceAccount storefront/web", "runs-as", (string?)null),
                ("ServiceAccount storefront/web", "ServiceAccount api/orders", "create-workload", "namespace:api"),
                ("ServiceAccount api/orders", "goal read-all-secrets", "read-secrets", "all-namespaces"),
            ],
            web.GetProperty("steps").EnumerateArray().Select(s => (s.GetProperty("from").GetString()!, s.GetProperty("to").GetString()!,
                s.GetProperty("risk").GetString()!, s.GetProperty("scope").GetString())));
        var step = web.GetProperty("steps")[1];
        Assert.Equal(["from", "to", "risk", "scope", "evidence"], step.EnumerateObject().Select(p => p.Name));
        Assert.Equal("RoleBinding api/web-restarts-api", step.GetProperty("evidence")[0].GetProperty("binding").GetString());
        Assert.Equal("Role api/rollout-restarter", step.GetProperty("evidence")[0].GetProperty("role").GetString());
    }

    [Fact]
    public async Task Namespace_keeps_paths_starting_there()
    {
        var run = await Shop("-n", "storefront", "-o", "json");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(["storefront/Deployment/web"], doc.RootElement.GetProperty("paths").EnumerateArray().Select(p => p.GetProperty("workload").GetString()));

        var payments = await Shop("-n", "payments");
        Assert.Equal((ExitCodes.Ok, "No workload has an escalation path to cluster-admin or to every Secret.\n"), (payments.ExitCode, payments.Stdout));
    }

    [Fact]
    public async Task Bad_usage_exits_2()
    {
        var run = await Shop("-o", "csv");
        Assert.Equal((ExitCodes.BadInput, ""), (run.ExitCode, run.Stdout));
        Assert.Contains("verity rbac paths --help", run.Stderr);
    }
}
