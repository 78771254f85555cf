using System.Text.Json;

namespace Verity.Cli.Tests.Netpol;

public sealed class DiffTests
{
    private static readonly string Before = NetpolTestData.Path("diff", "before.yaml");

    [Fact]
    public async Task Something_opened_exits_1_and_is_listed_in_json()
    {
        var run = await Cli.RunAsync("netpol", "diff", "-f", Before, "--against", NetpolTestData.Path("diff", "after-opens.yaml"), "-o", "json");

        Assert.Equal((ExitCodes.Failed, ""), (run.ExitCode, run.Stderr));
        Assert.Equal(
            """
            {
              "opened": [
                {
                  "from": "dev/tool",
                  "to": "prod/db",
                  "port": 5432,
                  "protocol": "TCP"
                }
              ],
              "closed": []
            }

            """, run.Stdout);
    }

    [Fact]
    public async Task Only_closed_connections_exit_0()
    {
        var run = await Cli.RunAsync("netpol", "diff", "-f", Before, "--against", NetpolTestData.Path("diff", "after-closes.yaml"), "-o", "json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var json = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(0, json.GetProperty("opened").GetArrayLength());
        var closed = Assert.Single(json.GetProperty("closed").EnumerateArray());
        Assert.Equal("dev/tool prod/web 8080", $"{closed.GetProperty("from")} {closed.GetProperty("to")} {closed.GetProperty("port")}");
    }

    [Fact]
    public async Task The_table_groups_by_source_and_destination_namespace()
    {
        var run = await Cli.RunAsync("netpol", "diff", "-f", NetpolTestData.Path("diff", "after-closes.yaml"), "--against", NetpolTestData.Path("diff", "after-opens.yaml"));

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal(
            """
            Opened (2)
              dev → prod
                + dev/tool → prod/db  5432/TCP
                + dev/tool → prod/web  8080/TCP

            Compared 6 connections: 2 opened, 0 closed.

            """, run.Stdout);
    }

    [Fact]
    public async Task No_change_exits_0()
    {
        var run = await Cli.RunAsync("netpol", "diff", "-f", Before, "--against", Before);
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("Compared 6 connections: 0 opened, 0 closed.\n", run.Stdout);
    }

    [Fact]
    public async Task A_bad_after_input_exits_2_after_the_diff()
    {
        var run = await Cli.RunAsync("netpol", "diff", "-f", Before, "--against", "/no/such/dir", "-o", "json");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("/no/such/dir: error VT1001: cannot read input: no such file or directory\nerror: no Kubernetes objects found in /no/such/dir\n", run.Stderr);
        Assert.Equal(0, JsonDocument.Parse(run.Stdout).RootElement.GetProperty("opened").GetArrayLength());
    }
}
