using Verity.Admission.Pss;

namespace Verity.Admission.Tests.Pss;

/// <summary>Namespace labels read as upstream <c>api.PolicyToEvaluate</c> reads them.</summary>
public sealed class NamespacePolicyTests
{
    private static PssPolicy Read(params (string Key, string Value)[] labels) =>
        PssNamespacePolicy.FromLabels(labels.ToDictionary(l => l.Key, l => l.Value));

    [Fact]
    public void No_labels_mean_privileged_latest_in_every_mode()
    {
        var policy = Read();
        Assert.Equal("privileged:latest", policy.Enforce.ToString());
        Assert.Equal("privileged:latest", policy.Audit.ToString());
        Assert.Equal("privileged:latest", policy.Warn.ToString());
        Assert.Empty(policy.Problems);
    }

    [Fact]
    public void Each_mode_reads_its_own_level_and_version()
    {
        var policy = Read((PssLabels.Enforce, "baseline"), (PssLabels.EnforceVersion, "v1.30"), (PssLabels.Audit, "restricted"), (PssLabels.WarnVersion, "v1.20"));
        Assert.Equal("baseline:v1.30", policy.Enforce.ToString());
        Assert.Equal("restricted:latest", policy.Audit.ToString());
        // A version label without a level keeps the default level.
        Assert.Equal("privileged:v1.20", policy.Warn.ToString());
    }

    [Fact]
    public void An_invalid_level_fails_closed_for_enforce_and_open_for_audit_and_warn_and_an_invalid_version_means_latest()
    {
        var policy = Read((PssLabels.Enforce, "Restricted"), (PssLabels.EnforceVersion, "1.30"), (PssLabels.Warn, "bogus"), (PssLabels.WarnVersion, "v1.20"),
            (PssLabels.Audit, "baseline "));
        Assert.Equal("restricted:latest", policy.Enforce.ToString());
        Assert.Equal("privileged:v1.20", policy.Warn.ToString());
        Assert.Equal("privileged:latest", policy.Audit.ToString());
        Assert.Equal(
        [
            "pod-security.kubernetes.io/enforce=\"Restricted\": must be one of privileged, baseline, restricted (evaluated as restricted)",
            "pod-security.kubernetes.io/enforce-version=\"1.30\": must be \"latest\" or \"v1.x\" (evaluated as latest)",
            "pod-security.kubernetes.io/audit=\"baseline \": must be one of privileged, baseline, restricted (evaluated as privileged)",
            "pod-security.kubernetes.io/warn=\"bogus\": must be one of privileged, baseline, restricted (evaluated as privileged)",
        ], policy.Problems);
    }

    [Fact]
    public void A_missing_label_keeps_the_default_level_or_version()
    {
        var defaults = PssPolicy.Privileged with { Enforce = new PssLevelVersion(PssLevel.Baseline, PssVersion.V1(29)) };
        Assert.Equal("baseline:v1.29", PssNamespacePolicy.FromLabels(new Dictionary<string, string>(), defaults).Enforce.ToString());
        Assert.Equal("restricted:v1.29", PssNamespacePolicy.FromLabels(new Dictionary<string, string> { [PssLabels.Enforce] = "restricted" }, defaults).Enforce.ToString());
        Assert.Equal("baseline:v1.31", PssNamespacePolicy.FromLabels(new Dictionary<string, string> { [PssLabels.EnforceVersion] = "v1.31" }, defaults).Enforce.ToString());
        Assert.Equal("restricted:v1.29", PssNamespacePolicy.FromLabels(new Dictionary<string, string> { [PssLabels.Enforce] = "x" }, defaults).Enforce.ToString());
    }
}
