using Verity.Posture.Pss;

namespace Verity.Posture.Tests.Checks;

/// <summary>
/// VT-PSS-001/002/003: each Pod Security violation is reported once — against the level the namespace enforces when
/// it enforces one (VT-PSS-003), else as a baseline (VT-PSS-001) or restricted (VT-PSS-002) gap.
/// </summary>
public sealed class PssChecksTests
{
    private static string Namespace(string name, string? enforce) => $"""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: {name}
        {(enforce is null ? "" : $"  labels:\n    pod-security.kubernetes.io/enforce: {enforce}")}
        ---

        """;

    private const string Privileged = """
        containers:
          - name: app
            image: app:1.0
            securityContext:
              privileged: true
        """;

    private const string Plain = """
        containers:
          - name: app
            image: app:1.0
        """;

    private const string Hardened = """
        securityContext:
          runAsNonRoot: true
          seccompProfile:
            type: RuntimeDefault
        containers:
          - name: app
            image: app:1.0
            securityContext:
              allowPrivilegeEscalation: false
              capabilities:
                drop: [ALL]
        """;

    private static (string[] Baseline, string[] Restricted, string[] Enforced) Run(string yaml) =>
        (TestSnapshots.Evaluate<PssBaselineCheck>(yaml), TestSnapshots.Evaluate<PssRestrictedCheck>(yaml), TestSnapshots.Evaluate<PssEnforcedCheck>(yaml));

    [Fact]
    public void Without_an_enforced_level_baseline_and_restricted_gaps_are_reported_once_each()
    {
        var yaml = Namespace("shop", null) + TestSnapshots.Deployment("priv", Privileged) + "\n---\n" + TestSnapshots.Deployment("plain", Plain)
            + "\n---\n" + TestSnapshots.Deployment("hard", Hardened);
        var (baseline, restricted, enforced) = Run(yaml);
        Assert.Equal(["VT-PSS-001 shop/Deployment/priv @ -:21:7"], baseline);
        Assert.Equal(["VT-PSS-002 shop/Deployment/plain @ -:41:7"], restricted); // priv fails baseline: reported once, by VT-PSS-001
        Assert.Empty(enforced);
    }

    [Fact]
    public void An_enforced_namespace_reports_against_its_level_only()
    {
        var yaml = Namespace("shop", "restricted") + TestSnapshots.Deployment("priv", Privileged) + "\n---\n" + TestSnapshots.Deployment("plain", Plain)
            + "\n---\n" + TestSnapshots.Deployment("hard", Hardened);
        var (baseline, restricted, enforced) = Run(yaml);
        Assert.Empty(baseline);
        Assert.Empty(restricted);
        Assert.Equal(["VT-PSS-003 shop/Deployment/priv @ -:22:7", "VT-PSS-003 shop/Deployment/plain @ -:42:7"], enforced);
        var finding = new PssEnforcedCheck().Evaluate(TestSnapshots.From(yaml)).First();
        Assert.StartsWith("Deployment \"priv\" violates PodSecurity \"restricted:latest\": ", finding.Message);
        Assert.Contains("privileged (container \"app\" must not set securityContext.privileged=true)", finding.Message);
    }

    [Fact]
    public void A_baseline_namespace_enforces_baseline_and_still_shows_the_restricted_gap()
    {
        var yaml = Namespace("shop", "baseline") + TestSnapshots.Deployment("priv", Privileged) + "\n---\n" + TestSnapshots.Deployment("plain", Plain);
        var (baseline, restricted, enforced) = Run(yaml);
        Assert.Empty(baseline);
        Assert.Equal(["VT-PSS-002 shop/Deployment/plain @ -:42:7"], restricted);
        Assert.Equal(["VT-PSS-003 shop/Deployment/priv @ -:22:7"], enforced);
        Assert.Equal(["shop/Deployment/priv", "shop/Deployment/plain"], new PssEnforcedCheck().Subjects(TestSnapshots.From(yaml)).Select(s => s.Display));
    }
}
