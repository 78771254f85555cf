using System.Text.Json;

namespace Verity.Cli.Tests.Rbac;

/// <summary>
/// <c>verity rbac risks</c> on examples/shop (whose rbac/rbac.yaml holds two shortcuts: web patches the api Deployments,
/// orders reads every Secret through a ClusterRoleBinding) and on the API server's bootstrap policy.
/// </summary>
public sealed class RisksTests
{
    private static Task<CliRun> Shop(params string[] args) => Cli.RunAsync(["rbac", "risks", .. args, "-f", RepoPaths.Example("shop")]);

    [Fact]
    public async Task Table_groups_findings_by_severity_with_evidence_fix_and_scores()
    {
        var run = await Shop();
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        RbacTestData.AssertGolden("risks-shop.txt", run.Stdout);
    }

    [Fact]
    public async Task Json_lists_findings_and_scores()
    {
        var run = await Shop("-o", "json");
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        RbacTestData.AssertGolden("risks-shop.json", run.Stdout);
    }

    [Fact]
    public async Task Json_finding_has_exactly_the_documented_fields()
    {
        var run = await Shop("-o", "json");
        using var doc = JsonDocument.Parse(run.Stdout);
        var finding = doc.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("risk").GetString() == "read-secrets");
        var expected = """
            {
              "risk": "read-secrets",
              "subject": {"kind": "ServiceAccount", "namespace": "api", "name": "orders"},
              "scope": "all-namespaces",
              "severity": "critical",
              "names": [],
              "evidence": [
                {
                  "binding": "ClusterRoleBinding orders-secret-reader",
                  "role": "ClusterRole shop:secret-reader",
                  "rule": {"verbs": ["get", "list", "watch"], "apiGroups": [""], "resources": ["secrets"], "resourceNames": [], "nonResourceURLs": [],
                           "origin": "ClusterRole/shop:secret-reader rules[0]"},
                  "detail": null
                }
              ],
              "remediation": "Grant get on the named secrets needed (resourceNames), or mount them instead of reading them through the API.",
              "controls": ["CIS 5.1.2"]
            }
            """;
        Assert.Equal(Compact(expected), JsonSerializer.Serialize(finding));
        Assert.Equal(["findings", "scores"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        var scores = doc.RootElement.GetProperty("scores");
        Assert.Equal(["cluster", "lowest", "namespaces", "accounts"], scores.EnumerateObject().Select(p => p.Name));
        Assert.Equal(92.5, scores.GetProperty("cluster").GetDouble());
        Assert.Equal(Compact("""{"namespace": "api", "name": "orders", "score": 60, "findings": ["read-secrets@all-namespaces"]}"""),
            JsonSerializer.Serialize(scores.GetProperty("lowest")));
        Assert.Equal(Compact("""{"name": "api", "score": 86.7, "accounts": 3, "lowest": 60}"""),
            JsonSerializer.Serialize(scores.GetProperty("namespaces")[0]));
    }

    [Fact]
    public async Task Namespace_keeps_its_accounts_findings_in_any_scope_and_findings_scoped_to_it()
    {
        var run = await Shop("-n", "api", "-o", "json");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        // orders (an api account) holds read-secrets all-namespaces; web (a storefront account) holds create-workload in api.
        Assert.Equal(["read-secrets ServiceAccount api/orders", "create-workload ServiceAccount storefront/web"], Summaries(doc));
        var scores = doc.RootElement.GetProperty("scores");
        Assert.Equal(["api"], scores.GetProperty("namespaces").EnumerateArray().Select(n => n.GetProperty("name").GetString()));
        Assert.All(scores.GetProperty("accounts").EnumerateArray(), a => Assert.Equal("api", a.GetProperty("namespace").GetString()));
        Assert.Equal(92.5, scores.GetProperty("cluster").GetDouble());

        var payments = await Shop("-n", "payments", "-o", "json");
        using var paymentsDoc = JsonDocument.Parse(payments.Stdout);
        Assert.Equal(["pod-exec Group payments-oncall"], Summaries(paymentsDoc));
    }

    [Fact]
    public async Task Severity_keeps_that_severity_and_worse()
    {
        var run = await Shop("--severity", "critical");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith(
            """
            CRITICAL  read-secrets  ServiceAccount api/orders  all-namespaces
                evidence: ClusterRoleBinding orders-secret-reader -> ClusterRole shop:secret-reader -> ClusterRole/shop:secret-reader rules[0]: verbs=[get list watch] apiGroups=[""] resources=[secrets]
                fix: Grant get on the named secrets needed (resourceNames), or mount them instead of reading them through the API.

            1 finding: 1 critical.

            """, run.Stdout);

        using var high = JsonDocument.Parse((await Shop("--severity", "high", "-o", "json")).Stdout);
        Assert.Equal(3, high.RootElement.GetProperty("findings").GetArrayLength());
    }

    [Theory]
    [InlineData("--severity", "severe")]
    [InlineData("-o", "yaml")]
    [InlineData("--bogus")]
    public async Task Bad_usage_exits_2_without_output(params string[] args)
    {
        var run = await Shop(args);
        Assert.Equal((ExitCodes.BadInput, ""), (run.ExitCode, run.Stdout));
        Assert.Contains("verity rbac risks --help", run.Stderr);
    }

    [Fact]
    public async Task Nothing_risky_is_said_plainly()
    {
        const string yaml = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: lonely, namespace: api}\n";
        var run = await Cli.RunAsync(["rbac", "risks", "-f", "-"], env => env with { OpenStdin = Cli.Stdin(yaml) });
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        Assert.Equal(
            """
            No risky grants found.

            Least-privilege score (100 = nothing risky granted): cluster 100; lowest 100 (ServiceAccount api/lonely)

            NAMESPACE   SCORE   ACCOUNTS   LOWEST
            api         100     1          100

            """, run.Stdout);
    }

    [Fact]
    public async Task Bad_input_is_reported_then_exits_2_after_the_report()
    {
        const string yaml = "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: x, namespace: a}\n";
        var run = await Cli.RunAsync(["rbac", "risks", "-f", "-"], env => env with { OpenStdin = Cli.Stdin(yaml) });
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("-:1:1: error VT3001: RoleBinding a/x: roleRef is missing or not a mapping; the binding grants nothing\n", run.Stderr);
        Assert.StartsWith("No risky grants found.\n", run.Stdout);
    }

    [SkippableFact]
    public async Task Bootstrap_policy_system_masters_is_cluster_admin_and_the_aggregation_controller_escalates()
    {
        var root = Environment.GetEnvironmentVariable("VERITY_REALWORLD_DIR");
        Skip.If(string.IsNullOrEmpty(root), "VERITY_REALWORLD_DIR is not set");
        var dir = Path.Combine(root!, "k8s-bootstrap-rbac");
        Skip.IfNot(Directory.Exists(dir), $"{dir} does not exist");

        var run = await Cli.RunAsync("rbac", "risks", "-f", dir, "-o", "json");
        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        using var doc = JsonDocument.Parse(run.Stdout);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();

        var masters = findings.Single(f => f.GetProperty("subject").GetProperty("name").GetString() == "system:masters");
        Assert.Equal(("cluster-admin", "Group", "cluster", "critical"),
            (masters.GetProperty("risk").GetString(), masters.GetProperty("subject").GetProperty("kind").GetString(),
             masters.GetProperty("scope").GetString(), masters.GetProperty("severity").GetString()));

        var aggregation = findings.Single(f => f.GetProperty("risk").GetString() == "escalate-roles"
            && f.GetProperty("subject").GetProperty("name").GetString() == "clusterrole-aggregation-controller");
        Assert.Equal(("kube-system", "cluster", "critical"),
            (aggregation.GetProperty("subject").GetProperty("namespace").GetString(), aggregation.GetProperty("scope").GetString(),
             aggregation.GetProperty("severity").GetString()));
        var evidence = aggregation.GetProperty("evidence")[0];
        Assert.Equal("ClusterRoleBinding system:controller:clusterrole-aggregation-controller", evidence.GetProperty("binding").GetString());
        Assert.Contains("escalate", evidence.GetProperty("rule").GetProperty("verbs").EnumerateArray().Select(v => v.GetString()));

        var table = await Cli.RunAsync("rbac", "risks", "-f", dir, "--severity", "critical");
        Assert.Contains("    evidence: members of group system:masters bypass RBAC (privileged-group authorizer)\n", table.Stdout);
    }

    private static string Compact(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(doc.RootElement);
    }

    private static List<string> Summaries(JsonDocument doc) =>
        doc.RootElement.GetProperty("findings").EnumerateArray().Select(f =>
        {
            var s = f.GetProperty("subject");
            var name = s.GetProperty("namespace").ValueKind == JsonValueKind.Null ? s.GetProperty("name").GetString() : $"{s.GetProperty("namespace").GetString()}/{s.GetProperty("name").GetString()}";
            return $"{f.GetProperty("risk").GetString()} {s.GetProperty("kind").GetString()} {name}";
        }).ToList();
}
