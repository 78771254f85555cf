namespace Verity.Cli.Tests;

/// <summary><c>verity scan --trust-domain</c>: the workload identity section (issue 8 point 7).</summary>
public sealed class ScanIdentityTests
{
    [Fact]
    public async Task The_shop_lists_each_service_accounts_SPIFFE_ID_in_the_trust_domain_given()
    {
        var run = await Cli.RunAsync("scan", "-f", RepoPaths.Example("shop"), "-o", "json", "--trust-domain", "prod.example-shop.dev");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var identities = json.RootElement.GetProperty("identities");
        Assert.Equal("prod.example-shop.dev", identities.GetProperty("trustDomain").GetString());
        var accounts = identities.GetProperty("serviceAccounts").EnumerateArray().ToList();
        Assert.Equal(8, accounts.Count);
        var cart = accounts.Single(a => a.GetProperty("workloads").EnumerateArray().Any(w => w.GetString() == "Deployment/cart"));
        Assert.Equal("spiffe://prod.example-shop.dev/ns/api/sa/default", cart.GetProperty("spiffeId").GetString());
        Assert.False(cart.GetProperty("declared").GetBoolean());
    }

    [Fact]
    public async Task An_invalid_trust_domain_is_a_usage_error()
    {
        var run = await Cli.RunAsync("scan", "-f", RepoPaths.Example("shop"), "--trust-domain", "Prod.Example");
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("--trust-domain: ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }
}
