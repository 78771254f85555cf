using Verity.Core.Loading;
using Verity.Kube;

namespace Verity.Cli.Tests.Pss;

/// <summary>
/// Without <c>-f</c>, <c>pss check</c> reads the live cluster (here a fake returning testdata/pss/cluster's objects): the
/// same verdicts as offline, with <c>-n</c> passed on as the only namespace to read.
/// </summary>
public sealed class PssLiveClusterTests
{
    [Fact]
    public async Task A_live_cluster_gives_the_same_verdicts_as_its_manifests()
    {
        var dir = Path.Combine(RepoPaths.TestData, "pss", "cluster");
        var objects = Directory.GetFiles(dir, "*.yaml").Order(StringComparer.Ordinal)
            .SelectMany(f => ManifestParser.Parse(File.ReadAllText(f), Path.GetFileName(f)).Objects).ToList();
        var calls = new List<LiveClusterOptions>();
        var live = await Cli.RunAsync(["pss", "check", "--context", "prod", "-n", "payments", "-o", "json"],
            env => env with { ReadCluster = Cli.Cluster(new LoadResult(objects, []), calls) });
        var offline = await Cli.RunAsync("pss", "check", "-f", dir, "-o", "json");

        Assert.Equal((ExitCodes.Failed, ""), (live.ExitCode, live.Stderr));
        Assert.Equal(offline.Stdout, live.Stdout);
        var options = Assert.Single(calls);
        Assert.Equal(("prod", "payments"), (options.Context, options.Namespace));
    }
}
