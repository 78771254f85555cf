using System.Text.Json;
using System.Xml.Linq;

namespace Verity.Cli.Tests.AdmissionTest;

/// <summary><c>verity admission test</c>: verdicts, exit codes, operations, bad configs and the output contracts.</summary>
public sealed class AdmissionTestTests
{
    private static string Data => AdmissionGoldenTests.Data;
    private static string Manifests => Path.Combine(Data, "manifests");
    private static string Policy => Path.Combine(Data, "policy.yaml");

    private static Dictionary<string, JsonElement> Results(string stdout) =>
        JsonDocument.Parse(stdout).RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("resource").GetString()!, r => r);

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public async Task Each_object_gets_the_verdict_the_api_server_would_give()
    {
        var run = await Cli.RunAsync("admission", "test", "-f", Manifests, "--config", Policy, "-o", "json");
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var results = Results(run.Stdout);
        Assert.Equal(
            ["legacy/pod/batch", "legacy/pod/report", "namespace/team-a", "namespace/team-b", "namespace/legacy", "team-a/pod/web",
             "team-a/pod/debug", "team-a/service/web-nodeport", "team-b/deployment/api"],
            results.Keys);
        Assert.Equal(["legacy/pod/report", "team-a/pod/debug", "team-a/service/web-nodeport", "team-b/deployment/api"],
            results.Where(r => !r.Value.GetProperty("allowed").GetBoolean()).Select(r => r.Key));

        // The compliant pod: nothing at all.
        var web = results["team-a/pod/web"];
        Assert.Equal(0, web.GetProperty("violations").GetArrayLength());
        Assert.Equal(0, web.GetProperty("warnings").GetArrayLength());
        Assert.Equal("{}", web.GetProperty("auditAnnotations").GetRawText());

        // The privileged pod: denied by the enforce level, recorded by the audit level, no PSA warning on a denial.
        var debug = results["team-a/pod/debug"];
        var psa = debug.GetProperty("violations")[0];
        Assert.Equal("PodSecurity", psa.GetProperty("policy").GetString());
        Assert.Equal(JsonValueKind.Null, psa.GetProperty("binding").ValueKind);
        Assert.Equal("enforce", psa.GetProperty("action").GetString());
        Assert.Equal("violates PodSecurity \"baseline:latest\": privileged (container \"shell\" must not set securityContext.privileged=true)",
            psa.GetProperty("message").GetString());
        Assert.StartsWith("would violate PodSecurity \"restricted:latest\": privileged (container \"shell\"",
            debug.GetProperty("auditAnnotations").GetProperty("pod-security.kubernetes.io/audit-violations").GetString());
        Assert.DoesNotContain(Strings(debug.GetProperty("warnings")), w => w.Contains("PodSecurity", StringComparison.Ordinal));

        // The Deployment: PSA never denies a template, it warns; the :latest guardrail (enforce) denies.
        var api = results["team-b/deployment/api"];
        Assert.StartsWith("would violate PodSecurity \"restricted:latest\": allowPrivilegeEscalation != false", Strings(api.GetProperty("warnings"))[0]);
        Assert.Equal(["PodSecurity:warn", "VG-IMG-002:enforce", "VG-SEC-001:audit"],
            api.GetProperty("violations").EnumerateArray().Select(v => $"{v.GetProperty("policy").GetString()}:{v.GetProperty("action").GetString()}"));

        // Exceptions: the active one exempts (recorded), the expired one no longer does and warns.
        var batch = results["legacy/pod/batch"];
        Assert.True(batch.GetProperty("allowed").GetBoolean());
        Assert.StartsWith("batch-until-3000 (owner team-legacy, expires 2999-12-31)",
            batch.GetProperty("auditAnnotations").GetProperty("VG-IMG-002.exception").GetString());
        var report = results["legacy/pod/report"];
        Assert.Equal(["VG-IMG-002: exception \"report-expired\" (owner team-legacy) expired on 2000-01-01 and no longer applies; fix the object or renew the exception"],
            Strings(report.GetProperty("warnings")));

        // warn → warning, the source of each object.
        Assert.StartsWith("VG-NS-001: Namespace \"legacy\" has no pod-security.kubernetes.io/enforce label", Strings(results["namespace/legacy"].GetProperty("warnings"))[0]);
        Assert.EndsWith("manifests/team-a.yaml", results["team-a/service/web-nodeport"].GetProperty("source").GetProperty("file").GetString());
        Assert.Equal(46, results["team-a/service/web-nodeport"].GetProperty("source").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Without_a_config_every_guardrail_audits_and_only_pod_security_denies()
    {
        var run = await Cli.RunAsync("admission", "test", "-f", Manifests, "-o", "json");
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("", run.Stderr);
        var results = Results(run.Stdout);
        Assert.Equal(["team-a/pod/debug"], results.Where(r => !r.Value.GetProperty("allowed").GetBoolean()).Select(r => r.Key));
        Assert.All(results.Values.SelectMany(r => r.GetProperty("violations").EnumerateArray()).Where(v => v.GetProperty("policy").GetString() != "PodSecurity"),
            v => Assert.Equal("audit", v.GetProperty("action").GetString()));
        Assert.Contains("VG-NET-001", results["team-a/service/web-nodeport"].GetProperty("auditAnnotations").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Exit_0_when_everything_would_be_admitted()
    {
        var run = await Cli.RunAsync("admission", "test", "-f", Path.Combine(Manifests, "namespaces.yaml"), "-f", Path.Combine(Manifests, "team-b.yaml"));
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("allowed  team-b/deployment/api\n    warn   would violate PodSecurity \"restricted:latest\": ", run.Stdout);
        Assert.EndsWith("CREATE: 0 of 4 denied; 1 with warnings, 2 with audit annotations.\n", run.Stdout);
    }

    [Fact]
    public async Task Delete_evaluates_nothing_and_allows_everything()
    {
        var run = await Cli.RunAsync("admission", "test", "-f", Manifests, "--config", Policy, "--operation", "DELETE", "-o", "json");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var results = Results(run.Stdout);
        Assert.Equal(9, results.Count);
        Assert.All(results.Values, r =>
        {
            Assert.True(r.GetProperty("allowed").GetBoolean());
            Assert.Equal(0, r.GetProperty("violations").GetArrayLength());
        });
        Assert.Contains("note: --operation DELETE: nothing is evaluated", run.Stderr);
    }

    [Fact]
    public async Task An_update_that_keeps_the_pod_spec_is_not_judged_by_pod_security()
    {
        var update = Path.Combine(Data, "update");
        var run = await Cli.RunAsync("admission", "test", "-f", Path.Combine(update, "new.yaml"), "--operation", "UPDATE", "--old", Path.Combine(update, "old.yaml"));
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("allowed  team-a/pod/debug\n", run.Stdout);
        Assert.Contains("    note   UPDATE leaves the pod spec unchanged: Pod Security Admission allows it without evaluating\n", run.Stdout);
        Assert.Contains("DENIED   team-a/pod/tools\n    deny   violates PodSecurity \"baseline:latest\": privileged", run.Stdout);

        var asCreate = await Cli.RunAsync("admission", "test", "-f", Path.Combine(update, "new.yaml"));
        Assert.Contains("DENIED   team-a/pod/debug\n", asCreate.Stdout);
    }

    [Fact]
    public async Task Old_objects_need_the_update_operation()
    {
        var run = await Cli.RunAsync("admission", "test", "-f", Manifests, "--old", Manifests);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("error: --old needs --operation UPDATE.", run.Stderr);
    }

    [Fact]
    public async Task A_bad_config_is_reported_with_its_position_and_exits_2_after_the_results()
    {
        var run = await Cli.RunAsync("admission", "test", "-f", Manifests, "--config", Path.Combine(Data, "bad-policy.yaml"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var stderr = RepoPaths.Relative(run.Stderr);
        Assert.Contains("tests/Verity.Cli.Tests/testdata/admission/bad-policy.yaml:8:15: error VG1004: spec.policies.VG-IMG-002.action: invalid action \"block\"", stderr);
        Assert.Contains("tests/Verity.Cli.Tests/testdata/admission/bad-policy.yaml:9:5: error VG1003: spec.policies.VG-NOPE-001: unknown policy id \"VG-NOPE-001\"", stderr);
        // The rest of the config still applies (the bad action runs at audit) and every result is printed.
        Assert.Contains("DENIED   team-a/pod/debug\n", run.Stdout);
        Assert.Contains("    audit  VG-IMG-002: container \"api\" image \"ghcr.io/example/api:latest\"", run.Stdout);
    }

    [Fact]
    public async Task An_unknown_operation_is_a_usage_error()
    {
        var run = await Cli.RunAsync("admission", "test", "-f", Manifests, "--operation", "PATCH");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("error: Argument 'PATCH' not recognized.", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task A_missing_config_file_exits_2()
    {
        var run = await Cli.RunAsync("admission", "test", "-f", Manifests, "--config", Path.Combine(Data, "no-such-policy.yaml"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("no-such-policy.yaml: error VT1001: cannot read the policy config: no such file or directory; the defaults apply", run.Stderr);
    }

    [Fact]
    public async Task A_malformed_manifest_exits_2_and_the_valid_objects_are_still_judged()
    {
        const string Yaml = """
            apiVersion: v1
            kind: Pod
            metadata: {name: ok, namespace: default}
            spec: {containers: [{name: app, image: nginx:1.27}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: [broken
            """;
        var run = await Cli.RunAsync(["admission", "test", "-f", "-"], env => env with { OpenStdin = Cli.Stdin(Yaml) });
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("-:", run.Stderr);
        Assert.Contains("allowed  default/pod/ok\n", run.Stdout);
    }

    [Fact]
    public async Task Sarif_has_one_rule_per_policy_and_levels_by_action()
    {
        var run = await Cli.RunAsync("admission", "test", "-f", Manifests, "--config", Policy, "-o", "sarif");
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var sarifRun = root.GetProperty("runs").EnumerateArray().Single();
        Assert.Equal("verity", sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(["PodSecurity", "VG-IMG-002", "VG-NET-001", "VG-NS-001", "VG-RES-001", "VG-SEC-001"], rules);
        var nodePort = sarifRun.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "VG-NET-001");
        Assert.Equal("error", nodePort.GetProperty("level").GetString());
        Assert.Equal(rules.IndexOf("VG-NET-001"), nodePort.GetProperty("ruleIndex").GetInt32());
        var location = nodePort.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.EndsWith("testdata/admission/manifests/team-a.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(54, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(9, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Equal(["error", "note", "warning"], sarifRun.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("level").GetString()).Distinct().Order());
    }

    [Fact]
    public async Task Junit_has_a_suite_per_file_a_case_per_object_and_a_failure_per_denial()
    {
        var run = await Cli.RunAsync("admission", "test", "-f", Manifests, "--config", Policy, "-o", "junit");
        var root = XDocument.Parse(run.Stdout).Root!;
        Assert.Equal("9", root.Attribute("tests")!.Value);
        Assert.Equal("4", root.Attribute("failures")!.Value);
        Assert.Equal(["legacy.yaml", "namespaces.yaml", "team-a.yaml", "team-b.yaml"], root.Elements("testsuite").Select(s => Path.GetFileName(s.Attribute("name")!.Value)));
        var cases = root.Descendants("testcase").ToDictionary(c => c.Attribute("name")!.Value);
        Assert.Null(cases["team-a/pod/web"].Element("failure"));
        Assert.StartsWith("PodSecurity: violates PodSecurity \"baseline:latest\"", cases["team-a/pod/debug"].Element("failure")!.Value);
        Assert.StartsWith("warning: VG-NS-001:", cases["namespace/legacy"].Element("system-out")!.Value);
    }

    [Fact]
    public async Task The_shop_example_with_its_policy()
    {
        var shop = RepoPaths.Example("shop");
        var run = await Cli.RunAsync("admission", "test", "-f", shop, "--config", Path.Combine(shop, "policy", "verity-policy.yaml"), "-o", "json");
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var results = Results(run.Stdout);
        // payments enforces restricted: its pods' templates would be refused, which PSA reports as a warning on the workload.
        Assert.Contains(Strings(results["payments/deployment/payments-api"].GetProperty("warnings")),
            w => w.StartsWith("would violate PodSecurity \"restricted:latest\": allowPrivilegeEscalation != false", StringComparison.Ordinal));
        // PCI scope pins images by digest (enforced by namespaceSelector compliance=pci-dss): the ledger is denied.
        var ledger = results["payments/statefulset/ledger-db"];
        Assert.False(ledger.GetProperty("allowed").GetBoolean());
        Assert.Equal(["VG-IMG-003", "VG-IMG-003"], ledger.GetProperty("violations").EnumerateArray()
            .Where(v => v.GetProperty("action").GetString() == "enforce").Select(v => v.GetProperty("policy").GetString()));
        // Only warnings and audits for the payments API; Services outside storefront are ClusterIP.
        Assert.True(results["payments/deployment/payments-api"].GetProperty("allowed").GetBoolean());
        Assert.True(results["payments/service/payments-api"].GetProperty("allowed").GetBoolean());
        // The shop's namespaces carry a valid enforce label.
        Assert.True(results["namespace/payments"].GetProperty("allowed").GetBoolean());
        Assert.True(results["namespace/storefront"].GetProperty("allowed").GetBoolean());
        // Every violation names a known policy and a known action.
        Assert.All(results.Values.SelectMany(r => r.GetProperty("violations").EnumerateArray()), v =>
        {
            Assert.Matches("^(PodSecurity|VG-[A-Z]+-\\d{3})$", v.GetProperty("policy").GetString());
            Assert.Contains(v.GetProperty("action").GetString(), new[] { "enforce", "warn", "audit" });
        });
    }
}
