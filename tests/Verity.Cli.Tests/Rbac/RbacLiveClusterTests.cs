using Verity.Core.Loading;
using Verity.Kube;

namespace Verity.Cli.Tests.Rbac;

/// <summary>
/// Without <c>-f</c> the rbac commands read the live cluster like kubectl. No API server can run here, so the cluster
/// reader is a fake returning testdata/rbac/cluster.yaml's objects; what is checked is that the whole cluster is read
/// (<c>-n</c> is the namespace asked about, not a filter on what is read) and the answer comes from it.
/// </summary>
public sealed class RbacLiveClusterTests
{
    [Fact]
    public async Task Can_i_reads_the_whole_cluster_and_answers_for_the_namespace_asked()
    {
        var objects = ManifestParser.Parse(File.ReadAllText(RbacTestData.Cluster), "cluster.yaml").Objects;
        var calls = new List<LiveClusterOptions>();
        var run = await Cli.RunAsync(["rbac", "can-i", "create", "deployments.apps", "-n", "api", "--as", "system:serviceaccount:api:deployer", "--context", "prod"],
            env => env with { ReadCluster = Cli.Cluster(new LoadResult(objects, []), calls) });

        Assert.Equal((ExitCodes.Ok, "yes\n", ""), (run.ExitCode, run.Stdout, run.Stderr));
        var options = Assert.Single(calls);
        Assert.Equal(((string?)null, "prod", (string?)null), (options.Kubeconfig, options.Context, options.Namespace));
    }
}
