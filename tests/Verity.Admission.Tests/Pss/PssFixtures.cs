using k8s.Models;
using Verity.Admission.Pss;
using Verity.Core.Loading;
using Verity.Core.Snapshots;

namespace Verity.Admission.Tests.Pss;

/// <summary>Loads pods and workloads from YAML the way the CLI does (ManifestParser, then SnapshotBuilder).</summary>
internal static class PssFixtures
{
    public static Snapshot Snapshot(string yaml, string file = "test.yaml")
    {
        var loaded = ManifestParser.Parse(yaml, file);
        Assert.Empty(loaded.Diagnostics);
        var snapshot = SnapshotBuilder.Build(loaded.Objects);
        Assert.Empty(snapshot.Diagnostics);
        return snapshot;
    }

    public static V1Pod Pod(string yaml) => Assert.Single(Snapshot(yaml).Pods).Value;

    public static PssLevelVersion Policy(string text)
    {
        var parts = text.Split(':');
        Assert.True(PssLevels.TryParse(parts[0], out var level));
        Assert.True(PssVersion.TryParse(parts[1], out var version));
        return new PssLevelVersion(level, version);
    }

    public static PssDecision Evaluate(string policy, string podYaml) => PodSecurityEvaluator.Default.EvaluatePod(Policy(policy), Pod(podYaml));
}
