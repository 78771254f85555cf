using FsCheck.Xunit;
using Verity.Admission.Guardrails;
using Verity.Core.Loading;

namespace Verity.Admission.Tests.Guardrails;

/// <summary>
/// Exceptions against a small obviously-correct reference, over generated clocks, expiries and matchers: a violation is
/// excepted exactly when some matching exception's expiry is after now, exceptions never add or remove violations,
/// and an expired matching exception is always warned about.
/// </summary>
public sealed class ExceptionPropertyTests
{
    private static readonly DateTimeOffset Epoch = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Property(MaxTest = 200)]
    public bool Exceptions_cover_exactly_while_active_and_never_change_the_violations(int nowMinutes, int expiresMinutesA, int expiresMinutesB, bool aMatchesNamespace, bool bMatchesName)
    {
        var now = Epoch.AddMinutes(nowMinutes % 100_000);
        var expiresA = Epoch.AddMinutes(expiresMinutesA % 100_000);
        var expiresB = Epoch.AddMinutes(expiresMinutesB % 100_000);
        var config = $$"""
            apiVersion: verity.dev/v1alpha1
            kind: PolicyConfig
            metadata: {name: p}
            spec:
              defaultAction: disabled
              policies:
                VG-IMG-002:
                  action: enforce
                  exceptions:
                    - {name: a, owner: o, reason: r, expires: "{{expiresA:yyyy-MM-ddTHH:mm:ssZ}}", namespaces: [{{(aMatchesNamespace ? "shop" : "other")}}]}
                    - {name: b, owner: o, reason: r, expires: "{{expiresB:yyyy-MM-ddTHH:mm:ssZ}}", names: [{{(bMatchesName ? "web" : "api")}}]}
            """;
        var pod = ManifestParser.Parse("apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec:\n  containers: [{name: a, image: nginx}]\n", "pod.yaml").Objects[0];
        var loaded = GuardrailConfigLoader.Load(config, "config.yaml");
        if (loaded.Diagnostics.Count > 0) return false;
        var result = new GuardrailEngine(loaded.Config, new FixedClock(now)).Evaluate(new GuardrailInput(pod));

        // Reference: the first (in config order) matching exception whose expiry is after now.
        var matching = new List<(string Name, DateTimeOffset Expires)>();
        if (aMatchesNamespace) matching.Add(("a", expiresA));
        if (bMatchesName) matching.Add(("b", expiresB));
        var covering = matching.Where(m => now < m.Expires).Select(m => m.Name).FirstOrDefault();
        var expiredCount = matching.Count(m => now >= m.Expires);

        var violation = result.Violations.Single();
        return violation.Policy == GuardrailIds.NoLatestTag
            && violation.Exception == covering
            && result.Allowed == (covering is not null)
            && result.Warnings.Count == expiredCount;
    }
}
