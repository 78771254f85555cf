using Verity.Posture.Checks;

namespace Verity.Posture.Tests.Checks;

/// <summary>Kubernetes semantics: the pod's field wins when set, else the service account's, else the token is mounted.</summary>
public sealed class AutomountedTokenTests
{
    private static string Account(string name, bool? automount, string ns = "shop") => $"""
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: {name}
          namespace: {ns}
        {(automount is bool b ? $"automountServiceAccountToken: {(b ? "true" : "false")}" : "")}
        """;

    private static string Workload(bool? podAutomount) => TestSnapshots.Deployment("web", $"""
        serviceAccountName: web
        {(podAutomount is bool b ? $"automountServiceAccountToken: {(b ? "true" : "false")}" : "")}
        containers:
          - name: web
            image: web:1.0
        """);

    [Theory]
    [InlineData(false, true)]
    [InlineData(false, null)]
    [InlineData(null, false)]
    public void Passes_when_the_effective_setting_is_false(bool? pod, bool? account)
    {
        var yaml = Workload(pod) + "\n---\n" + Account("web", account);
        Assert.Empty(TestSnapshots.Evaluate<AutomountedToken>(yaml));
    }

    [Fact]
    public void The_pod_field_wins_over_the_service_account_and_is_the_source()
    {
        var yaml = Workload(true) + "\n---\n" + Account("web", false);
        var finding = Assert.Single(new AutomountedToken().Evaluate(TestSnapshots.From(yaml)));
        Assert.Equal("-:16:37", finding.Source!.ToString());
        Assert.Equal("the pod spec sets automountServiceAccountToken: true", finding.Evidence);
        Assert.Equal("Deployment \"web\" has a Kubernetes API token mounted in its pods; set automountServiceAccountToken: false unless it calls the API", finding.Message);
        Assert.Equal(["CIS 5.1.6", "NSA Protecting Pod service account tokens"], finding.Controls);
    }

    [Fact]
    public void The_service_account_field_applies_when_the_pod_sets_none_and_is_the_source()
    {
        // The Deployment spans lines 1-19 (line 16 is blank), "---" is line 20, the ServiceAccount starts at 21.
        var yaml = Workload(null) + "\n---\n" + Account("web", true);
        var finding = Assert.Single(new AutomountedToken().Evaluate(TestSnapshots.From(yaml)));
        Assert.Equal("-:26:31", finding.Source!.ToString());
        Assert.Equal("the pod spec does not set automountServiceAccountToken; ServiceAccount \"web\" sets it to true", finding.Evidence);
    }

    [Fact]
    public void Defaults_to_mounted_when_neither_sets_it()
    {
        var yaml = Workload(null) + "\n---\n" + Account("web", null);
        var finding = Assert.Single(new AutomountedToken().Evaluate(TestSnapshots.From(yaml)));
        Assert.Equal("-:15:7", finding.Source!.ToString());
        Assert.Equal("neither the pod spec nor ServiceAccount \"web\" sets automountServiceAccountToken, and Kubernetes mounts the token by default", finding.Evidence);
    }

    [Fact]
    public void A_service_account_missing_from_the_input_or_in_another_namespace_sets_nothing()
    {
        var yaml = Workload(null) + "\n---\n" + Account("web", false, ns: "other");
        var finding = Assert.Single(new AutomountedToken().Evaluate(TestSnapshots.From(yaml)));
        Assert.Equal("VT-IDN-002 shop/Deployment/web @ -:15:7", TestSnapshots.Lines([finding])[0]);
        Assert.Equal("neither the pod spec nor ServiceAccount \"web\" (not in the input) sets automountServiceAccountToken, and Kubernetes mounts the token by default", finding.Evidence);
    }

    [Fact]
    public void The_default_service_account_counts_when_the_pod_names_none()
    {
        var yaml = TestSnapshots.Deployment("web", """
            containers:
              - name: web
                image: web:1.0
            """) + "\n---\n" + Account("default", false);
        Assert.Empty(TestSnapshots.Evaluate<AutomountedToken>(yaml));
    }
}
