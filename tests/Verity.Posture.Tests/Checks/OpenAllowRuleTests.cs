using Verity.Core.Model;
using Verity.Network.Evaluation;
using Verity.Network.Lint;
using Verity.Posture.Checks;
using static Verity.Posture.Tests.NetworkYaml;

namespace Verity.Posture.Tests.Checks;

/// <summary>VT-NET-005: the policy linter's "open to everything" findings (VT-NPL-005), as posture findings on the policy.</summary>
public sealed class OpenAllowRuleTests
{
    [Fact]
    public void Each_open_rule_or_peer_is_reported_at_its_place_in_the_policy()
    {
        var yaml = Join(App("web"), NetworkPolicy("shop", "wide", """
            podSelector: {matchLabels: {app: web}}
            policyTypes: [Ingress, Egress]
            ingress:
              - ports: [{port: 443}]
              - from: [{namespaceSelector: {}}]
            egress:
              - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]
            """));
        var findings = new OpenAllowRule().Evaluate(TestSnapshots.From(yaml)).ToList();

        // The policy starts at line 21 (the App is 19 lines, then "---"); rule #0 of ingress is line 30, the open peers at 31 and 33.
        Assert.Equal(["VT-NET-005 shop/NetworkPolicy/wide @ -:30:7", "VT-NET-005 shop/NetworkPolicy/wide @ -:31:14", "VT-NET-005 shop/NetworkPolicy/wide @ -:33:12"],
            TestSnapshots.Lines(findings));
        Assert.Equal([
            "NetworkPolicy \"wide\": ingress rule #0 has no from: it allows every source, inside and outside the cluster; name the sources it needs",
            "NetworkPolicy \"wide\": ingress rule #1 peer #0 selects every pod in every namespace; name the sources it needs",
            "NetworkPolicy \"wide\": egress rule #0 peer #0 allows every address (0.0.0.0/0); name the destinations it needs",
        ], findings.Select(f => f.Message));
        Assert.All(findings, f => Assert.Equal("the policy selects pods with app=web in namespace \"shop\" (1 pod in the input)", f.Evidence));
        Assert.All(findings, f => Assert.Equal(Severity.Low, f.Severity));
        Assert.StartsWith("Replace the open to of this rule", findings[2].Remediation);
    }

    [Fact]
    public void Rules_that_name_their_peers_pass_and_every_policy_outside_system_namespaces_is_a_subject()
    {
        var yaml = Join(App("web"), DenyAll("shop"),
            NetworkPolicy("shop", "from-edge", "podSelector: {}\ningress: [{from: [{namespaceSelector: {matchLabels: {team: edge}}}]}]"),
            NetworkPolicy("kube-system", "open", "podSelector: {}\ningress: [{}]"));
        var snapshot = TestSnapshots.From(yaml);
        Assert.Empty(new OpenAllowRule().Evaluate(snapshot));
        Assert.Equal(["shop/NetworkPolicy/default-deny", "shop/NetworkPolicy/from-edge"], new OpenAllowRule().Subjects(snapshot).Select(s => s.Display));
    }

    /// <summary>One definition: the check reports exactly the linter's VT-NPL-005 findings — same places, same words.</summary>
    [Fact]
    public void Agrees_with_the_policy_linter_rule_it_mirrors()
    {
        var yaml = Join(App("web"), App("db"), App("dns", ns: "kube-system"),
            NetworkPolicy("shop", "a", """
                podSelector: {}
                policyTypes: [Ingress, Egress]
                ingress:
                  - {}
                  - from: [{namespaceSelector: {}}, {namespaceSelector: {}, podSelector: {}}, {podSelector: {}}]
                  - from: [{ipBlock: {cidr: "::/0"}}, {ipBlock: {cidr: 10.0.0.0/8}}]
                egress:
                  - to: [{namespaceSelector: {matchLabels: {team: x}}}]
                  - ports: [{port: 53, protocol: UDP}]
                  - to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]
                """),
            NetworkPolicy("shop", "b", "podSelector: {matchLabels: {app: db}}\ningress: [{from: [{namespaceSelector: {}}]}]"));
        var snapshot = TestSnapshots.From(yaml);
        var lint = PolicyLinter.Lint(NetworkModel.FromSnapshot(snapshot))
            .Where(f => f.Rule == LintRules.OpenToEverything)
            .Select(f => $"{f.Policy.Display} @ {f.Location}: NetworkPolicy \"{f.Policy.Name}\": {f.Message}");
        var check = new OpenAllowRule().Evaluate(snapshot).Select(f => $"{f.Subject.Display} @ {f.Source}: {f.Message[..f.Message.LastIndexOf(';')]}");
        Assert.Equal(lint.Order(StringComparer.Ordinal), check.Order(StringComparer.Ordinal));
        Assert.Equal(6, check.Count());
    }
}
