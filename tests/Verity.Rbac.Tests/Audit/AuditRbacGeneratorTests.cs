using Verity.Rbac.Audit;
using Verity.Rbac.Model;

namespace Verity.Rbac.Tests.Audit;

public sealed class AuditRbacGeneratorTests
{
    private static string Line(string id, string stage, string verb, string uri, string user, string? objectRef, int? code, string? impersonated = null)
    {
        var imp = impersonated is null ? "" : $$""","impersonatedUser":{"username":"{{impersonated}}","groups":["system:authenticated"]}""";
        var obj = objectRef is null ? "" : $",\"objectRef\":{objectRef}";
        var status = code is null ? "" : $$""","responseStatus":{"metadata":{},"code":{{code}}}""";
        return $$"""{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"{{id}}","stage":"{{stage}}","requestURI":"{{uri}}","verb":"{{verb}}","user":{"username":"{{user}}","groups":["system:authenticated"]}{{imp}},"sourceIPs":["10.0.0.8"]{{obj}}{{status}}}""";
    }

    [Fact]
    public void TheLatestStageDecidesEvenWhenWrittenFirst()
    {
        var log = string.Join("\n",
            Line("a1", "ResponseComplete", "get", "/api/v1/namespaces/ns1/secrets/s1", "bob", """{"resource":"secrets","namespace":"ns1","name":"s1","apiVersion":"v1"}""", 403),
            Line("a1", "RequestReceived", "get", "/api/v1/namespaces/ns1/secrets/s1", "bob", """{"resource":"secrets","namespace":"ns1","name":"s1","apiVersion":"v1"}""", null));
        var result = AuditTestData.Generate(log);
        Assert.Empty(result.Roles);
        var denied = Assert.Single(result.Denied);
        Assert.Equal(("a1", 1, "bob get secrets s1 in namespace ns1"), (denied.AuditId, denied.Source.Line, denied.ToString()));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void UserFilterSeesTheImpersonatedUserOfTheFinalStage()
    {
        // RequestReceived is written before impersonation is applied, so it names only the impersonator.
        const string obj = """{"resource":"configmaps","namespace":"ci","name":"cfg","apiVersion":"v1"}""";
        var log = string.Join("\n",
            Line("b1", "RequestReceived", "get", "/api/v1/namespaces/ci/configmaps/cfg", "admin", obj, null),
            Line("b1", "ResponseComplete", "get", "/api/v1/namespaces/ci/configmaps/cfg", "admin", obj, 200, "system:serviceaccount:ci:deployer"),
            Line("b2", "ResponseComplete", "list", "/api/v1/nodes", "admin", """{"resource":"nodes","apiVersion":"v1"}""", 200));
        var result = AuditTestData.Generate(log, "system:serviceaccount:ci:deployer");
        var role = Assert.Single(result.Roles);
        Assert.Equal((AuditRoleKind.Role, "ci", "verity:audit:sa:ci:deployer"), (role.Kind, role.Namespace, role.Name));
        Assert.Equal(Subject.ServiceAccount("ci", "deployer"), role.Subject);
        Assert.Equal((1, 1), (result.AuthorizedCount, result.FilteredOutCount));
    }

    [Fact]
    public void CreateDropsTheNameCopiedFromTheBodyButSubresourceCreateKeepsIt()
    {
        var log = string.Join("\n",
            Line("c1", "ResponseComplete", "create", "/api/v1/namespaces/ns1/configmaps", "dev", """{"resource":"configmaps","namespace":"ns1","name":"cfg","apiVersion":"v1"}""", 201),
            Line("c2", "ResponseComplete", "create", "/api/v1/namespaces/ns1/serviceaccounts/builder/token", "dev", """{"resource":"serviceaccounts","namespace":"ns1","name":"builder","apiVersion":"v1","subresource":"token"}""", 201));
        var rules = Assert.Single(AuditTestData.Generate(log).Roles).Rules;
        Assert.Equal(2, rules.Count);
        Assert.Equal(new[] { "configmaps" }, rules[0].Resources);
        Assert.Empty(rules[0].ResourceNames);
        Assert.Equal(["serviceaccounts/token"], rules[1].Resources);
        Assert.Equal(["builder"], rules[1].ResourceNames);
        Assert.Equal(["create"], rules[1].Verbs);
    }

    [Fact]
    public void ANamespaceObjectIsClusterScopedButAnObjectInItIsNot()
    {
        var log = string.Join("\n",
            Line("d1", "ResponseComplete", "get", "/api/v1/namespaces/shop", "ops", """{"resource":"namespaces","namespace":"shop","name":"shop","apiVersion":"v1"}""", 200),
            Line("d2", "ResponseComplete", "get", "/api/v1/namespaces/shop/pods/p", "ops", """{"resource":"pods","namespace":"shop","name":"p","apiVersion":"v1"}""", 200));
        var roles = AuditTestData.Generate(log).Roles;
        Assert.Equal([(AuditRoleKind.ClusterRole, null, "namespaces"), (AuditRoleKind.Role, "shop", "pods")],
            roles.Select(r => (r.Kind, r.Namespace, Assert.Single(r.Rules).Resources[0])));
    }

    [Theory]
    [InlineData(401, true)]
    [InlineData(429, true)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    [InlineData(500, false)]
    public void OnlyCodesAnsweredBeforeAuthorizationAreSkipped(int code, bool skipped)
    {
        var result = AuditTestData.Generate(Line("e1", "ResponseComplete", "get", "/version", "u", null, code));
        Assert.Equal(skipped ? 0 : 1, result.AuthorizedCount);
        Assert.Equal(skipped ? 1 : 0, result.Diagnostics.Count);
    }

    [Theory]
    [InlineData("system:serviceaccount:ns1:sa1", SubjectKind.ServiceAccount, "sa1", "ns1")]
    [InlineData("system:serviceaccount:ns1", SubjectKind.User, "system:serviceaccount:ns1", null)]
    [InlineData("system:serviceaccount:ns1:sa1:x", SubjectKind.User, "system:serviceaccount:ns1:sa1:x", null)]
    [InlineData("system:serviceaccount::sa1", SubjectKind.User, "system:serviceaccount::sa1", null)]
    [InlineData("alice", SubjectKind.User, "alice", null)]
    public void SubjectFollowsServiceAccountUsernameRules(string username, SubjectKind kind, string name, string? ns) =>
        Assert.Equal(new Subject(kind, name, ns), AuditRoleNames.SubjectOf(username));

    [Theory]
    [InlineData("bob", "verity:audit:user:bob")]
    [InlineData("system:admin", "verity:audit:user:system:admin")]
    [InlineData("platform-admin@example.com", "verity:audit:user:platform-admin-example.com-723dec63")]
    [InlineData("Alice", "verity:audit:user:alice-3bc51062")]
    [InlineData("system:serviceaccount:ns1:sa1", "verity:audit:sa:ns1:sa1")]
    public void NamesAreDeterministicAndDistinct(string username, string expected) =>
        Assert.Equal(expected, AuditRoleNames.For(AuditRoleNames.SubjectOf(username)));

    [Theory]
    [InlineData("pods", "pods")]
    [InlineData("/healthz", "/healthz")]
    [InlineData("", "\"\"")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("Off", "\"Off\"")]
    [InlineData("0755", "\"0755\"")]
    [InlineData("1e3", "\"1e3\"")]
    [InlineData("verity:audit:user:bob", "\"verity:audit:user:bob\"")]
    [InlineData("a \"b\"\\c", "\"a \\\"b\\\"\\\\c\"")]
    [InlineData("*", "\"*\"")]
    public void YamlScalarsReadBackAsTheSameString(string value, string expected) =>
        Assert.Equal(expected, YamlScalar.Render(value));
}
