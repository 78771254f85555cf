using Verity.Core.Model;
using Verity.Posture.Rbac;

namespace Verity.Posture.Tests.Checks;

/// <summary>VT-RBAC-001: the RBAC risk catalog, per service account, each finding with the catalog's severity.</summary>
public sealed class RbacChecksTests
{
    private const string Accounts = """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: builder, namespace: dev}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: reader, namespace: dev}
        """;

    private static string Grant(string role, string rules, string subject, string ns = "dev") => "\n" + $$"""
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: {{role}}, namespace: {{ns}}}
        rules: {{rules}}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: {{role}}, namespace: {{ns}}}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: {{role}}}
        subjects: [{kind: ServiceAccount, name: {{subject}}, namespace: dev}]
        """;

    [Fact]
    public void Reading_every_secret_of_a_namespace_is_a_high_finding_at_the_granting_rule()
    {
        var yaml = Accounts + Grant("secrets", "[{apiGroups: [''], resources: [secrets], verbs: [list]}]", "reader");
        var finding = Assert.Single(new ServiceAccountRbacRisk().Evaluate(TestSnapshots.From(yaml)));
        Assert.Equal("VT-RBAC-001 dev/ServiceAccount/reader @ -:12:9", TestSnapshots.Lines([finding])[0]);
        Assert.Equal(Severity.High, finding.Severity);
        Assert.StartsWith("service account \"dev/reader\" holds read-secrets in namespace dev: ", finding.Message);
    }

    [Fact]
    public void Named_secrets_are_medium_and_rolebindings_on_cluster_scoped_resources_are_inert()
    {
        var yaml = Accounts
            + Grant("one-secret", "[{apiGroups: [''], resources: [secrets], resourceNames: [db-password], verbs: [get]}]", "reader")
            + Grant("nodes", "[{apiGroups: [''], resources: [nodes, nodes/proxy], verbs: ['*']}]", "builder");
        var finding = Assert.Single(new ServiceAccountRbacRisk().Evaluate(TestSnapshots.From(yaml)));
        Assert.Equal((Severity.Medium, "dev/ServiceAccount/reader"), (finding.Severity, finding.Subject.Display));
        Assert.Contains("holds read-specific-secrets in namespace dev (only db-password)", finding.Message);
    }

    [Fact]
    public void Every_service_account_is_a_subject_including_the_default_one_workloads_run_as()
    {
        var yaml = Accounts + "\n---\n" + TestSnapshots.Deployment("web", "containers: [{name: web, image: web:1.0}]", ns: "dev");
        var snapshot = TestSnapshots.From(yaml);
        Assert.Equal(["dev/ServiceAccount/builder", "dev/ServiceAccount/default", "dev/ServiceAccount/reader"],
            new ServiceAccountRbacRisk().Subjects(snapshot).Select(s => s.Display));
    }
}
