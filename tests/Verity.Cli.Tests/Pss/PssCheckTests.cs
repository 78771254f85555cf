using System.Text.Json;

namespace Verity.Cli.Tests.Pss;

/// <summary><c>verity pss check</c>: verdicts, exit codes, options and the examples/shop application.</summary>
public sealed class PssCheckTests
{
    private const string HardenedPod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: ok, namespace: prod}
        spec:
          securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
          containers: [{name: app, image: nginx, securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}}]
        """;

    private const string PlainPod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: plain, namespace: prod}
        spec:
          containers: [{name: app, image: nginx}]
        """;

    private static Task<CliRun> Run(string stdin, params string[] args) =>
        Cli.RunAsync(["pss", "check", "-f", "-", .. args], env => env with { OpenStdin = Cli.Stdin(stdin) });

    [Fact]
    public async Task The_shop_example_is_judged_by_its_namespace_labels()
    {
        var run = await Cli.RunAsync("pss", "check", "-f", RepoPaths.Example("shop"), "-o", "json");
        Assert.Equal("", run.Stderr);
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        var results = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("resource").GetString()!, r => r);
        Assert.Equal(8, results.Count);
        var api = results["payments/deployment/payments-api"];
        Assert.Equal("restricted", api.GetProperty("level").GetString());
        Assert.Equal("latest", api.GetProperty("version").GetString());
        Assert.False(api.GetProperty("allowed").GetBoolean());
        Assert.Equal(["allowPrivilegeEscalation", "capabilities_restricted", "runAsNonRoot", "seccompProfile_restricted"],
            api.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("check").GetString()));
        Assert.Equal("allowPrivilegeEscalation != false (container \"payments-api\" must set securityContext.allowPrivilegeEscalation=false)",
            api.GetProperty("violations")[0].GetProperty("message").GetString());
        var web = results["storefront/deployment/web"];
        Assert.Equal("baseline", web.GetProperty("level").GetString());
        Assert.True(web.GetProperty("allowed").GetBoolean());
        Assert.Equal(["payments/cronjob/settlement", "payments/deployment/payments-api", "payments/statefulset/ledger-db"],
            results.Where(r => !r.Value.GetProperty("allowed").GetBoolean()).Select(r => r.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task All_allowed_exits_0_and_any_denial_exits_1()
    {
        Assert.Equal(ExitCodes.Ok, (await Run(HardenedPod, "--level", "restricted")).ExitCode);
        Assert.Equal(ExitCodes.Ok, (await Run(PlainPod, "--level", "baseline")).ExitCode);
        var denied = await Run(PlainPod, "--level", "restricted", "--version", "v1.30");
        Assert.Equal(ExitCodes.Failed, denied.ExitCode);
        Assert.Contains("prod/pod/plain   restricted:v1.30   DENIED", denied.Stdout);
    }

    [Fact]
    public async Task Without_labels_or_level_a_namespace_is_privileged_unless_a_default_is_given()
    {
        var run = await Run(PlainPod, "-o", "json");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("\"level\": \"privileged\"", run.Stdout);
        var defaulted = await Run(PlainPod, "--default-level", "restricted", "--default-version", "v1.24");
        Assert.Equal(ExitCodes.Failed, defaulted.ExitCode);
        Assert.Contains("restricted:v1.24", defaulted.Stdout);
    }

    [Fact]
    public async Task Audit_and_warn_labels_are_reported_but_do_not_change_the_exit_code()
    {
        const string ns = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: prod
              labels: {pod-security.kubernetes.io/audit: restricted, pod-security.kubernetes.io/warn: restricted, pod-security.kubernetes.io/warn-version: v1.25}
            ---
            """;
        var run = await Run(ns + "\n" + PlainPod, "-o", "json");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var result = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("results")[0];
        Assert.True(result.GetProperty("allowed").GetBoolean());
        Assert.Equal("restricted", result.GetProperty("audit").GetProperty("level").GetString());
        Assert.False(result.GetProperty("audit").GetProperty("allowed").GetBoolean());
        Assert.Equal("v1.25", result.GetProperty("warn").GetProperty("version").GetString());
        Assert.Equal(4, result.GetProperty("warn").GetProperty("violations").GetArrayLength());
    }

    [Fact]
    public async Task Invalid_namespace_labels_are_read_as_PSA_reads_them_and_reported_on_stderr()
    {
        const string ns = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: prod
              labels: {pod-security.kubernetes.io/enforce: strict, pod-security.kubernetes.io/enforce-version: "1.30"}
            ---
            """;
        var run = await Run(ns + "\n" + PlainPod);
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("prod/pod/plain   restricted:latest   DENIED", run.Stdout);
        Assert.Equal(
            "warning: namespace \"prod\": pod-security.kubernetes.io/enforce=\"strict\": must be one of privileged, baseline, restricted (evaluated as restricted)\n"
            + "warning: namespace \"prod\": pod-security.kubernetes.io/enforce-version=\"1.30\": must be \"latest\" or \"v1.x\" (evaluated as latest)\n",
            run.Stderr);
    }

    [Theory]
    [InlineData("--level", "strict")]
    [InlineData("--level", "restricted", "--version", "1.30")]
    [InlineData("--version", "v1.30")]
    [InlineData("--default-version", "v2.0")]
    [InlineData("-o", "yaml")]
    public async Task Bad_usage_exits_2(params string[] args)
    {
        var run = await Run(PlainPod, args);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("error:", run.Stderr);
    }

    [Fact]
    public async Task Bad_input_exits_2_after_judging_what_is_valid()
    {
        var run = await Run(PlainPod + "\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: broken\n", "--level", "baseline");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("prod/pod/plain", run.Stdout);
        Assert.Contains("error", run.Stderr);
    }
}
