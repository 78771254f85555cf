using Verity.Admission.Guardrails;
using Verity.Core.Loading;
using Verity.Core.Snapshots;

namespace Verity.Admission.Tests.Guardrails;

/// <summary>examples/shop/policy/verity-policy.yaml loads cleanly and says what the shop's README expects of it.</summary>
public sealed class ShopPolicyTests
{
    private static readonly string Shop = Path.Combine(GuardrailTestData.RepoRoot(), "examples", "shop");

    private static GuardrailConfigResult LoadShopPolicy()
    {
        var file = Path.Combine(Shop, "policy", "verity-policy.yaml");
        return GuardrailConfigLoader.Load(File.ReadAllText(file), "examples/shop/policy/verity-policy.yaml");
    }

    [Fact]
    public void Loads_with_no_diagnostics()
    {
        var result = LoadShopPolicy();
        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.Equal("shop", result.Config.Name);
        Assert.Equal(["ghcr.io/example-shop", "registry.shop.internal:5000", "docker.io/envoyproxy/envoy", "docker.io/library/busybox", "docker.io/library/postgres"],
            result.Config.Settings(GuardrailIds.AllowedRegistries).Registries);
        Assert.Equal(["app.kubernetes.io/name"], result.Config.Settings(GuardrailIds.RequiredLabels).Labels);
    }

    [Fact]
    public void One_exception_is_active_and_one_has_expired_on_the_reference_date()
    {
        var engine = new GuardrailEngine(LoadShopPolicy().Config, FixedClock.At("2026-11-27T12:00:00Z"));
        var expired = Assert.Single(engine.ExpiredExceptions());
        Assert.Contains("exception \"orders-mirror-migration\" (owner team-commerce (commerce@example-shop.dev)) expired on 2026-09-30", expired.Message);
    }

    [Fact]
    public void Judges_the_shop_web_excepted_orders_denied_payments_pinned()
    {
        var objects = new List<Verity.Core.Model.KubeObject>();
        foreach (var file in Directory.GetFiles(Shop, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            objects.AddRange(ManifestParser.Parse(File.ReadAllText(file), Path.GetRelativePath(Shop, file)).Objects);
        var engine = new GuardrailEngine(LoadShopPolicy().Config, FixedClock.At("2026-11-27T12:00:00Z"));
        var results = engine.Evaluate(SnapshotBuilder.Build(objects)).ToDictionary(r => r.Object.Ref.Display);

        var web = results["storefront/Deployment/web"];
        Assert.True(web.Allowed);
        Assert.Equal("web-latest-until-release-train", web.Violations.Single(v => v.Policy == GuardrailIds.NoLatestTag).Exception);

        var orders = results["api/Deployment/orders"];
        Assert.False(orders.Allowed);
        Assert.Equal([GuardrailIds.NoLatestTag], orders.Violations.Where(v => v.Denies).Select(v => v.Policy));
        Assert.Contains(orders.Warnings, w => w.Contains("exception \"orders-mirror-migration\"", StringComparison.Ordinal));

        // The PCI namespace pins every image by digest except ledger-db's.
        Assert.True(results["payments/Deployment/payments-api"].Allowed);
        Assert.Contains(results["payments/StatefulSet/ledger-db"].Violations, v => v.Policy == GuardrailIds.DigestRequired && v.Denies);
        // The gateway's LoadBalancer is in the allowed namespace; every shop namespace has a PSA label.
        Assert.DoesNotContain(results["storefront/Service/gateway"].Violations, v => v.Policy == GuardrailIds.ExposedServices);
        Assert.All(results.Values.Where(r => r.Object.Kind == "Namespace"), r => Assert.True(r.Allowed));
        // The policy file itself is not judged (an unknown kind).
        Assert.DoesNotContain(results.Keys, k => k.Contains("PolicyConfig", StringComparison.Ordinal));
    }
}
