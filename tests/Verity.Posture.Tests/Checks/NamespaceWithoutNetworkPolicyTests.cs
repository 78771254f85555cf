using Verity.Posture.Checks;

namespace Verity.Posture.Tests.Checks;

public sealed class NamespaceWithoutNetworkPolicyTests
{
    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: app
          namespace: {0}
        spec:
          containers:
            - name: app
              image: app:1.0
        """;

    private static string PodIn(string ns) => string.Format(Pod, ns);

    [Fact]
    public void A_declared_namespace_that_runs_a_workload_without_any_policy_is_reported_at_its_Namespace_object()
    {
        var yaml = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            ---
            """ + "\n" + PodIn("shop");
        var findings = new NamespaceWithoutNetworkPolicy().Evaluate(TestSnapshots.From(yaml)).ToList();

        var finding = Assert.Single(findings);
        Assert.Equal("VT-NET-001 Namespace/shop @ -:1:1", TestSnapshots.Lines(findings)[0]);
        Assert.Equal(Core.Model.Severity.High, finding.Severity);
        Assert.Equal("shop", finding.Namespace);
        Assert.Equal("namespace \"shop\" runs 1 workload and has no NetworkPolicy, so its pods accept traffic from anywhere; add a default-deny policy", finding.Message);
        Assert.Equal("workloads: Pod/app", finding.Evidence);
        Assert.Equal(["CIS 5.3.2", "NSA Network policies"], finding.Controls);
    }

    [Fact]
    public void With_cluster_policies_in_the_input_the_message_does_not_claim_the_namespace_is_open()
    {
        var yaml = PodIn("shop") + """

            ---
            apiVersion: policy.networking.k8s.io/v1alpha2
            kind: ClusterNetworkPolicy
            metadata:
              name: deny-all
            spec:
              tier: Baseline
              priority: 10
              subject: {namespaces: {}}
              ingress: [{action: Deny, from: [{namespaces: {}}]}]
            """;
        var finding = Assert.Single(new NamespaceWithoutNetworkPolicy().Evaluate(TestSnapshots.From(yaml)));
        Assert.Equal("namespace \"shop\" runs 1 workload and has no NetworkPolicy, so only cluster-wide policies restrict its traffic (see `verity netpol explain`); add a default-deny policy", finding.Message);
    }

    [Fact]
    public void An_implied_namespace_is_reported_without_a_source()
    {
        var findings = TestSnapshots.Evaluate<NamespaceWithoutNetworkPolicy>(PodIn("shop"));
        Assert.Equal(["VT-NET-001 Namespace/shop @ "], findings);
    }

    [Fact]
    public void Any_NetworkPolicy_in_the_namespace_passes_even_one_that_selects_nothing()
    {
        var yaml = PodIn("shop") + """

            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: only-for-db
              namespace: shop
            spec:
              podSelector:
                matchLabels:
                  app: db
            """;
        Assert.Empty(TestSnapshots.Evaluate<NamespaceWithoutNetworkPolicy>(yaml));
    }

    [Fact]
    public void A_policy_in_another_namespace_or_of_another_API_group_does_not_count()
    {
        var yaml = PodIn("shop") + """

            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: deny
              namespace: other
            spec:
              podSelector: {}
            ---
            apiVersion: cilium.io/v2
            kind: NetworkPolicy
            metadata:
              name: not-the-kubernetes-kind
              namespace: shop
            spec: {}
            """;
        Assert.Equal(["VT-NET-001 Namespace/shop @ "], TestSnapshots.Evaluate<NamespaceWithoutNetworkPolicy>(yaml));
    }

    [Fact]
    public void Namespaces_without_workloads_and_system_namespaces_are_not_subjects()
    {
        var yaml = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: empty
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: config-only
            ---
            """ + "\n" + PodIn("kube-system") + "\n---\n" + PodIn("kube-public") + "\n---\n" + PodIn("kube-node-lease") + "\n---\n" + PodIn("shop");
        var snapshot = TestSnapshots.From(yaml);
        var check = new NamespaceWithoutNetworkPolicy();

        Assert.Equal(["Namespace/shop"], check.Subjects(snapshot).Select(s => s.Display));
        Assert.Equal(["VT-NET-001 Namespace/shop @ "], TestSnapshots.Lines(check.Evaluate(snapshot)));
    }

    [Fact]
    public void Evidence_lists_at_most_five_workloads()
    {
        var yaml = string.Join("\n---\n", Enumerable.Range(1, 7).Select(i => PodIn("shop").Replace("name: app\n", $"name: app{i}\n")));
        var finding = Assert.Single(new NamespaceWithoutNetworkPolicy().Evaluate(TestSnapshots.From(yaml)));
        Assert.Equal("workloads: Pod/app1, Pod/app2, Pod/app3, Pod/app4, Pod/app5 and 2 more", finding.Evidence);
        Assert.StartsWith("namespace \"shop\" runs 7 workloads and", finding.Message);
    }
}
