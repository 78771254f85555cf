using System.Text.Json;

namespace Verity.Cli.Tests.Netpol;

/// <summary>
/// <c>verity netpol generate</c> on examples/shop and its sample Hubble capture. The YAML on standard output and the
/// proof summary on standard error are golden files (testdata/netpol/generate/); UPDATE_GOLDEN=1 rewrites them for review.
/// </summary>
public sealed class GenerateTests
{
    private static readonly string Flows = Path.Combine(RepoPaths.Example("shop"), "flows", "hubble.jsonl");

    [Fact]
    public async Task Shop_with_egress_matches_the_golden_yaml_and_exits_0()
    {
        var run = await Cli.RunAsync("netpol", "generate", "-f", RepoPaths.Example("shop"), "--flows", Flows, "--egress");

        Golden("shop-egress.yaml", run.Stdout);
        Golden("shop-egress.stderr.txt", RepoPaths.Relative(run.Stderr));
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("proof: all 18 verifiable observed connections are allowed", run.Stderr);
        Assert.DoesNotContain("error", run.Stderr);
    }

    [Fact]
    public async Task Out_writes_one_file_per_namespace()
    {
        var dir = Directory.CreateTempSubdirectory("verity-generate-").FullName;
        try
        {
            var run = await Cli.RunAsync("netpol", "generate", "-f", RepoPaths.Example("shop"), "--flows", Flows, "--out", dir, "-n", "api", "-n", "payments");

            Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stdout));
            Assert.Equal(["api.yaml", "payments.yaml"], Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.StartsWith("# verity-default-deny", await File.ReadAllTextAsync(Path.Combine(dir, "api.yaml")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Json_reports_the_policies_the_skipped_connections_and_the_proof()
    {
        var run = await Cli.RunAsync("netpol", "generate", "-f", RepoPaths.Example("shop"), "--flows", Flows, "-o", "json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(19, root.GetProperty("observed").GetInt32());
        Assert.Equal(["api", "payments", "storefront"], root.GetProperty("namespaces").EnumerateArray().Select(n => n.GetProperty("namespace").GetString()));
        var proof = root.GetProperty("proof");
        Assert.True(proof.GetProperty("passed").GetBoolean());
        Assert.Empty(proof.GetProperty("denied").EnumerateArray());
        Assert.Equal("host:10.0.0.5 -> storefront/deployment/web 3000/TCP (x1)", Assert.Single(root.GetProperty("skipped").EnumerateArray()).GetProperty("connection").GetString());
    }

    [Fact]
    public async Task Cilium_format_writes_cilium_network_policies_with_the_same_names()
    {
        var run = await Cli.RunAsync("netpol", "generate", "-f", RepoPaths.Example("shop"), "--flows", Flows, "--egress", "--format", "cilium", "-n", "storefront");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(6, run.Stdout.Split("kind: CiliumNetworkPolicy\n").Length - 1);
        Assert.DoesNotContain("kind: NetworkPolicy", run.Stdout);
        Assert.Contains(
            """
              name: verity-allow-web-ingress
              namespace: "storefront"
              labels:
                app.kubernetes.io/managed-by: "verity"
            spec:
              endpointSelector:
                matchLabels:
                  app: "web"
              ingress:
                - fromEndpoints:
                    - matchLabels:
                        k8s:io.kubernetes.pod.namespace: "storefront"
                        app: "gateway"
                  toPorts:
                    - ports:
                        - port: "3000"
                          protocol: TCP

            """, run.Stdout);
        Assert.Contains("proof: all", run.Stderr);
    }

    [Fact]
    public async Task Missing_flows_option_is_a_usage_error()
    {
        var run = await Cli.RunAsync("netpol", "generate", "-f", RepoPaths.Example("shop"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--flows", run.Stderr);
    }

    private static void Golden(string name, string actual)
    {
        var path = NetpolTestData.Path("generate", name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"missing {path}; run the tests with UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
