using System.Text.Json;

namespace Verity.Cli.Tests.Netpol;

public sealed class MatrixTests
{
    private static readonly string Cluster = NetpolTestData.ExplainInput("baseline-deny-overridden-by-networkpolicy-allow");

    private static string[] Rows(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("connections").EnumerateArray()
            .Select(c => $"{c.GetProperty("from")} {c.GetProperty("to")} {c.GetProperty("port")}/{c.GetProperty("protocol")} {c.GetProperty("allowed")}").ToArray();

    [Fact]
    public async Task Json_lists_every_ordered_pair_in_a_stable_order_with_exactly_the_documented_fields()
    {
        // The Baseline tier denies ingress everywhere; web-from-dev lets dev into prod/web on 8080; a pod reaches itself.
        var run = await Cli.RunAsync("netpol", "matrix", "-f", Cluster, "--port", "8080", "-o", "json");

        Assert.Equal((ExitCodes.Ok, ""), (run.ExitCode, run.Stderr));
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(["connections"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["from", "to", "port", "protocol", "allowed"], root.GetProperty("connections")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            [
                "dev/tool dev/tool 8080/TCP True",
                "dev/tool prod/db 8080/TCP False",
                "dev/tool prod/web 8080/TCP True",
                "prod/db dev/tool 8080/TCP False",
                "prod/db prod/db 8080/TCP True",
                "prod/db prod/web 8080/TCP False",
                "prod/web dev/tool 8080/TCP False",
                "prod/web prod/db 8080/TCP False",
                "prod/web prod/web 8080/TCP True",
            ],
            Rows(run.Stdout));
    }

    [Fact]
    public async Task Without_port_each_destination_is_checked_on_the_ports_it_declares()
    {
        var run = await Cli.RunAsync("netpol", "matrix", "-f", Cluster, "-o", "json");

        Assert.Equal(
            [
                "dev/tool prod/db 5432/TCP False",
                "dev/tool prod/web 8080/TCP True",
                "prod/db prod/db 5432/TCP True",
                "prod/db prod/web 8080/TCP False",
                "prod/web prod/db 5432/TCP False",
                "prod/web prod/web 8080/TCP True",
            ],
            Rows(run.Stdout));
    }

    [Fact]
    public async Task Protocol_filters_declared_ports()
    {
        var run = await Cli.RunAsync("netpol", "matrix", "-f", Cluster, "--protocol", "UDP", "-o", "json");
        Assert.Empty(Rows(run.Stdout));
    }

    [Fact]
    public async Task Repeatable_n_restricts_the_endpoints_listed_but_not_the_policies_applied()
    {
        var run = await Cli.RunAsync("netpol", "matrix", "-f", Cluster, "-n", "prod", "--port", "8080", "--port", "5432", "-o", "json");

        Assert.Equal(
            [
                "prod/db prod/db 5432/TCP True", "prod/db prod/db 8080/TCP True",
                "prod/db prod/web 5432/TCP False", "prod/db prod/web 8080/TCP False",
                "prod/web prod/db 5432/TCP False", "prod/web prod/db 8080/TCP False",
                "prod/web prod/web 5432/TCP True", "prod/web prod/web 8080/TCP True",
            ],
            Rows(run.Stdout));
    }

    [Fact]
    public async Task Csv_has_a_header_and_one_row_per_connection()
    {
        var run = await Cli.RunAsync("netpol", "matrix", "-f", Cluster, "-n", "dev", "-n", "prod", "-o", "csv");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(
            "from,to,port,protocol,allowed\n" +
            "dev/tool,prod/db,5432,TCP,false\n" +
            "dev/tool,prod/web,8080,TCP,true\n" +
            "prod/db,prod/db,5432,TCP,true\n" +
            "prod/db,prod/web,8080,TCP,false\n" +
            "prod/web,prod/db,5432,TCP,false\n" +
            "prod/web,prod/web,8080,TCP,true\n",
            run.Stdout);
    }

    [Fact]
    public async Task A_small_matrix_is_a_grid_per_port()
    {
        var run = await Cli.RunAsync("netpol", "matrix", "-f", Cluster, "--port", "8080");

        Assert.Equal(
            """
            8080/TCP (rows: from, columns: to)
            ╭─────────────┬───┬───┬───╮
            │ from        │ 1 │ 2 │ 3 │
            ├─────────────┼───┼───┼───┤
            │  1 dev/tool │ ✓ │ ✗ │ ✓ │
            │  2 prod/db  │ ✗ │ ✓ │ ✗ │
            │  3 prod/web │ ✗ │ ✗ │ ✓ │
            ╰─────────────┴───┴───┴───╯

            3 endpoints, 9 connections: 4 allowed, 5 denied.

            """, run.Stdout);
    }

    [Fact]
    public async Task A_large_matrix_is_a_list()
    {
        var run = await Cli.RunAsync("netpol", "matrix", "-f", Cluster, "--port", "1", "--port", "2", "--port", "3", "--port", "4",
            "--port", "5", "--port", "6", "--port", "7", "--port", "8", "--port", "9");

        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("FROM      TO        PORT        ALLOWED", lines[0]);
        Assert.Equal("dev/tool  dev/tool  9/TCP       yes", lines[9]);
        Assert.Equal("dev/tool  prod/db   1/TCP       no", lines[10]);
        Assert.Equal(1 + 81 + 1, lines.Length);
    }
}
