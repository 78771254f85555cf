using System.Text.Json;

namespace Verity.Cli.Tests;

/// <summary><c>verity scan --config</c>: the admission guardrails of a policy config, per namespace, on the shop example.</summary>
public sealed class ScanGuardrailsTests
{
    private static readonly string Config = Path.Combine(RepoPaths.Example("shop"), "policy", "verity-policy.yaml");

    private static Task<CliRun> Scan(DateTimeOffset now, params string[] more) =>
        Cli.RunAsync(["scan", "-f", RepoPaths.Example("shop"), "--config", Config, .. more], env => env with { Time = new FixedTime(now) });

    [Fact]
    public async Task The_shop_config_denies_per_namespace_and_an_exception_stops_applying_when_it_expires()
    {
        // 2026-09-01: both exceptions active (orders until 2026-09-30, web until 2027-03-31).
        var before = JsonDocument.Parse((await Scan(new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero), "-o", "json")).Stdout).RootElement.GetProperty("admission");
        Assert.Equal(["payments/statefulset/ledger-db VG-IMG-003", "payments/statefulset/ledger-db VG-IMG-003"], Denials(before));

        // 2026-11-27: the orders exception has expired, so its untagged image is denied again; a warning says so.
        var run = await Scan(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero), "-o", "json");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("warning VG1010: VG-IMG-002: exception \"orders-mirror-migration\"", run.Stderr);
        var after = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("admission");
        Assert.Equal(["api/deployment/orders VG-IMG-002", "payments/statefulset/ledger-db VG-IMG-003", "payments/statefulset/ledger-db VG-IMG-003"], Denials(after));
        Assert.Equal((18, 2), (after.GetProperty("objects").GetInt32(), after.GetProperty("denied").GetInt32()));
        Assert.Equal(["name", "objects", "denied", "warned", "audited", "excepted"], after.GetProperty("namespaces")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["api 7 1", "payments 6 1", "storefront 5 0"],
            after.GetProperty("namespaces").EnumerateArray().Select(n => $"{n.GetProperty("name")} {n.GetProperty("objects")} {n.GetProperty("denied")}"));

        // 2027-04-01: the web exception has expired too: storefront/web's :latest is denied.
        var later = JsonDocument.Parse((await Scan(new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.Zero), "-o", "json")).Stdout).RootElement.GetProperty("admission");
        Assert.Contains("storefront/deployment/web VG-IMG-002", Denials(later));
    }

    [Fact]
    public async Task The_table_shows_the_section_and_a_broken_config_is_an_input_error()
    {
        var run = await Scan(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
        Assert.Contains("Admission guardrails: 18 objects, 2 would be denied", run.Stdout);
        Assert.Contains("api/deployment/orders VG-IMG-002: ", run.Stdout);

        var missing = await Cli.RunAsync(["scan", "-f", RepoPaths.Example("shop"), "--config", "no-such-policy.yaml"]);
        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
        Assert.StartsWith("no-such-policy.yaml: error VT1001: cannot read the policy config: no such file or directory", missing.Stderr);

        var none = await Cli.RunAsync(["scan", "-f", RepoPaths.Example("shop"), "-o", "json"]);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(none.Stdout).RootElement.GetProperty("admission").ValueKind);
    }

    private static List<string> Denials(JsonElement admission) =>
        admission.GetProperty("denials").EnumerateArray().Select(d => $"{d.GetProperty("resource")} {d.GetProperty("policy")}").ToList();
}
