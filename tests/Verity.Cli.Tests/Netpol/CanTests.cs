using System.Text.Json;
using Verity.Cli.Netpol;
using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Network.Evaluation;
using Verity.Network.Model;

namespace Verity.Cli.Tests.Netpol;

public sealed class CanTests
{
    private static readonly string Cluster = NetpolTestData.ExplainInput("baseline-deny-overridden-by-networkpolicy-allow");

    [Fact]
    public async Task Yes_exits_0_with_the_reason_on_the_second_line()
    {
        var run = await Cli.RunAsync("netpol", "can", "-f", Cluster, "--from", "dev/tool", "--to", "prod/web", "--port", "8080");

        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        Assert.Equal(
            "yes\negress at dev/tool allowed by default (no policy decided); ingress at prod/web allowed by NetworkPolicy prod/web-from-dev\n",
            run.Stdout);
    }

    [Fact]
    public async Task No_exits_1_and_names_the_direction_and_policy_that_denied()
    {
        var run = await Cli.RunAsync("netpol", "can", "-f", Cluster, "--from", "dev/tool", "--to", "prod/db", "--port", "5432");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("no\ningress at prod/db denied by ClusterNetworkPolicy default-deny (Baseline tier)\n", run.Stdout);
    }

    [Fact]
    public async Task Json_has_the_documented_shape()
    {
        var run = await Cli.RunAsync("netpol", "can", "-f", Cluster, "--from", "dev/tool", "--to", "prod/db", "--port", "5432", "-o", "json");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal(
            """
            {
              "from": "dev/tool",
              "to": "prod/db",
              "port": 5432,
              "protocol": "TCP",
              "allowed": false,
              "egress": {
                "allowed": true,
                "decidedBy": "Default"
              },
              "ingress": {
                "allowed": false,
                "decidedBy": "Baseline"
              }
            }

            """, run.Stdout);
    }

    [Fact]
    public async Task A_named_port_is_resolved_on_the_destination_with_its_protocol()
    {
        var run = await Cli.RunAsync("netpol", "can", "-f", Cluster, "--from", "dev/tool", "--to", "prod/web", "--port", "http", "-o", "json");

        var json = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal((8080, "TCP", true), (json.GetProperty("port").GetInt32(), json.GetProperty("protocol").GetString(), json.GetProperty("allowed").GetBoolean()));
    }

    [Fact]
    public async Task Protocol_is_honoured()
    {
        var run = await Cli.RunAsync("netpol", "can", "-f", Cluster, "--from", "dev/tool", "--to", "prod/web", "--port", "8080", "--protocol", "udp");

        // web-from-dev allows 8080/TCP only; web is isolated, so UDP is denied.
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.StartsWith("no\ningress at prod/web denied by NetworkPolicy prod/web-from-dev", run.Stdout);
    }

    [Fact]
    public async Task An_unknown_port_name_exits_2_listing_the_declared_ports()
    {
        var run = await Cli.RunAsync("netpol", "can", "-f", Cluster, "--from", "dev/tool", "--to", "prod/web", "--port", "htp");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal("error: prod/web declares no port named \"htp\" (declared: http 8080/TCP)\n", run.Stderr);
    }

    [Fact]
    public async Task A_port_name_on_an_external_destination_exits_2()
    {
        var run = await Cli.RunAsync("netpol", "can", "-f", Cluster, "--from", "dev/tool", "--to", "1.1.1.1", "--port", "https");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("error: --port \"https\" is a port name, but 1.1.1.1 is outside the cluster and declares no ports; pass a number\n", run.Stderr);
    }

    [Fact]
    public async Task Unknown_endpoints_exit_2_with_close_matches_for_each()
    {
        var run = await Cli.RunAsync("netpol", "can", "-f", Cluster, "--from", "dev/tol", "--to", "web", "--port", "80");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal(
            "error: --from: no endpoint \"dev/tol\"; did you mean dev/tool?\n" +
            "error: --to: no endpoint \"web\"; did you mean prod/web?\n",
            run.Stderr);
    }

    [Fact]
    public async Task An_endpoint_with_nothing_close_exits_2_with_the_endpoint_syntax()
    {
        var run = await Cli.RunAsync("netpol", "can", "-f", Cluster, "--from", "billing/invoicer", "--to", "prod/web", "--port", "80");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(
            "error: --from: no endpoint \"billing/invoicer\"; endpoints are pods (namespace/name), workloads (namespace/kind/name) or IP addresses, e.g. prod/web\n",
            run.Stderr);
    }

    [Fact]
    public async Task Workloads_answer_by_kind_and_by_short_name()
    {
        var workloads = NetpolTestData.Path("can", "workloads.yaml");
        var full = await Cli.RunAsync("netpol", "can", "-f", workloads, "--from", "shop/deployment/orders", "--to", "shop/statefulset/ledger", "--port", "sql");
        var brief = await Cli.RunAsync("netpol", "can", "-f", workloads, "--from", "shop/orders", "--to", "shop/ledger", "--port", "5432");
        var other = await Cli.RunAsync("netpol", "can", "-f", workloads, "--from", "shop/cart", "--to", "shop/ledger", "--port", "5432");

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok, ExitCodes.Failed), (full.ExitCode, brief.ExitCode, other.ExitCode));
        Assert.Equal("yes\negress at shop/deployment/orders allowed by default (no policy decided); ingress at shop/statefulset/ledger allowed by NetworkPolicy shop/ledger-from-orders\n", full.Stdout);
        Assert.Equal(full.Stdout, brief.Stdout);
    }

    [Fact]
    public async Task Bad_policies_are_reported_and_the_question_is_still_answered_with_exit_2()
    {
        var run = await Cli.RunAsync("netpol", "can", "-f", NetpolTestData.Path("can", "bad-policy.yaml"), "--from", "dev/tool", "--to", "prod/web", "--port", "8080");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith("no\n", run.Stdout); // the unusable ipBlock fails closed: dev/tool's egress allows nothing
        var error = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^.*bad-policy\.yaml:\d+:\d+: error VT2001: NetworkPolicy dev/bad-cidr: .*10\.0\.0\.0/33", RepoPaths.Relative(error));
    }

    [Theory]
    [MemberData(nameof(ExplainGoldenTests.Cases), MemberType = typeof(ExplainGoldenTests))]
    public async Task The_engine_verdict_of_can_agrees_with_the_reference_evaluator_on_every_pair(string name)
    {
        var args = NetpolTestData.ExplainArgs(name);
        var options = new NetworkOptions { IpBlockMatchesPods = !args.Contains("--ipblock-matches-pods=false") };
        var loaded = ManifestReader.Read([NetpolTestData.ExplainInput(name)]);
        var model = NetworkModel.FromSnapshot(SnapshotBuilder.Build(loaded.Objects), options);
        var endpoints = model.Endpoints.Append(model.Resolve("8.8.8.8")!).ToList();
        foreach (var from in endpoints)
        foreach (var to in endpoints)
        foreach (var port in new[] { 80, 443, 5432, 8080, 9100 })
        foreach (var protocol in new[] { Protocol.TCP, Protocol.UDP })
        {
            var answer = ConnectionAnswer.For(model, new ConnectionQuery(from, to, port, protocol, null));
            Assert.True(answer.Allowed == answer.Verdict.Allowed, $"{name}: {from.Id} -> {to.Id} {port}/{protocol}: engine {answer.Allowed}, evaluator {answer.Verdict.Allowed}");
        }

        // And through the command line: "allowed" is the engine's, the directions are the evaluator's.
        var run = await NetpolTestData.RunCase("can", name, "-o", "json");
        var json = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(json.GetProperty("allowed").GetBoolean(),
            json.GetProperty("egress").GetProperty("allowed").GetBoolean() && json.GetProperty("ingress").GetProperty("allowed").GetBoolean());
        Assert.Equal(json.GetProperty("allowed").GetBoolean() ? ExitCodes.Ok : ExitCodes.Failed, run.ExitCode);
    }

    [Fact]
    public async Task Explain_json_carries_every_step()
    {
        var run = await NetpolTestData.RunCase("explain", "admin-pass-falls-through-np-to-baseline", "-o", "json");

        var ingress = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("ingress");
        Assert.Equal((false, "Baseline"), (ingress.GetProperty("allowed").GetBoolean(), ingress.GetProperty("decidedBy").GetString()));
        Assert.Equal(
            [
                "Admin|ClusterNetworkPolicy pass-dev|ingress rule #0 \"delegate-dev\" matches (from all pods in namespaces with env=dev; port any port): Pass — the rest of the Admin tier is skipped",
                "NetworkPolicy||no NetworkPolicy selects prod/db for ingress",
                "Baseline|ClusterNetworkPolicy default-deny|ingress rule #0 \"deny-all\" matches (from all pods in all namespaces; port any port): Deny",
            ],
            ingress.GetProperty("steps").EnumerateArray().Select(s => $"{s.GetProperty("tier")}|{s.GetProperty("policy").GetString()}|{s.GetProperty("message")}"));
    }
}
