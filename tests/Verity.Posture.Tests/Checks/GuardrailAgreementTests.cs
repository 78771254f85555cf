using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verity.Admission.Guardrails;
using Verity.Core.Snapshots;
using Verity.Posture.Checks;

namespace Verity.Posture.Tests.Checks;

/// <summary>
/// The scan's workload checks and the admission guardrails share one rule each (Verity.Admission.Guardrails.Rules):
/// on the same pod spec they flag the same containers at the same fields. Where they differ on purpose, the difference
/// is exactly the scan's extra context: VT-RES-001 reads only limits and applies LimitRange defaults; VT-IDN-002 lets
/// the ServiceAccount decide what the pod spec leaves open.
/// </summary>
public sealed partial class GuardrailAgreementTests
{
    private static readonly string Digest = "@sha256:" + new string('a', 64);

    private static readonly string?[] ImagePool =
    [
        "nginx", "nginx:latest", "nginx:1.27.2", "registry.example.com:5000/shop/web", "app:5000", "nginx:latest" + Digest,
        "localhost/app", "Shop/Web:1.0", "ghcr.io/shop/api" + Digest, "bad image", null, "",
    ];

    /// <summary>A container: its image (null = no field) and which of requests.cpu, requests.memory, limits.cpu, limits.memory it sets (-1: no resources).</summary>
    public sealed record ContainerCase(string? Image, int Resources);

    public sealed record PodCase(
        string Kind,
        IReadOnlyList<ContainerCase> Init,
        IReadOnlyList<ContainerCase> App,
        IReadOnlyList<ContainerCase> Ephemeral,
        int PodResources,
        string? ServiceAccountName,
        string? ServiceAccountAlias,
        bool? Automount,
        bool DeclaresAccount,
        bool? AccountAutomount,
        int LimitRangeDefaults)
    {
        public string EffectiveAccount =>
            !string.IsNullOrEmpty(ServiceAccountName) ? ServiceAccountName : !string.IsNullOrEmpty(ServiceAccountAlias) ? ServiceAccountAlias : "default";

        public override string ToString() => Manifests(this);
    }

    private static readonly Gen<ContainerCase> Containers =
        from image in Gen.Elements(ImagePool)
        from resources in Gen.Choose(-1, 15)
        select new ContainerCase(image, resources);

    private static Gen<IReadOnlyList<ContainerCase>> ListOf(int max) =>
        from n in Gen.Choose(0, max)
        from list in Containers.ListOf(n)
        select (IReadOnlyList<ContainerCase>)list.ToList();

    private static readonly Gen<bool?> OptionalBool = Gen.Elements<bool?>(null, true, false);

    private static Arbitrary<PodCase> Pods { get; } = (
        from kind in Gen.Elements("Pod", "Deployment", "StatefulSet", "CronJob")
        from init in ListOf(2)
        from app in ListOf(3)
        from ephemeral in kind == "Pod" ? ListOf(2) : Gen.Constant((IReadOnlyList<ContainerCase>)[])
        from podResources in Gen.Frequency((3, Gen.Constant(-1)), (1, Gen.Choose(0, 15)))
        from name in Gen.Elements<string?>(null, "", "default", "web")
        from alias in Gen.Elements<string?>(null, "", "default", "legacy")
        from automount in OptionalBool
        from declares in Gen.Elements(true, false)
        from accountAutomount in OptionalBool
        from limitRange in Gen.Choose(0, 3)
        select new PodCase(kind, init, app, ephemeral, podResources, name, alias, automount, declares, accountAutomount, limitRange)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Scan_findings_and_guardrail_violations_flag_the_same_containers() => Prop.ForAll(Pods, pod =>
    {
        var snapshot = TestSnapshots.From(Manifests(pod));
        var guardrails = Violations(snapshot);
        var limitDefaults = new[] { "cpu", "memory" }.Where((_, i) => (pod.LimitRangeDefaults & (1 << i)) != 0).ToHashSet();

        // Images: the same containers, each at the same field.
        Assert.Equal(Sites(guardrails, GuardrailIds.NoLatestTag), Sites(new MutableImageTag().Evaluate(snapshot)));
        Assert.Equal(Sites(guardrails, GuardrailIds.DigestRequired), Sites(new ImageWithoutDigest().Evaluate(snapshot)));

        // Resources: the scan reads the limits of the shared answer, less what a LimitRange defaults.
        var expectedLimits = guardrails.Where(v => v.Policy == GuardrailIds.Resources)
            .Where(v => LimitField().Matches(v.Message).Any(m => !limitDefaults.Contains(m.Groups[1].Value)))
            .Select(v => Container(v.Message)).ToList();
        Assert.Equal(expectedLimits, new MissingResourceLimits().Evaluate(snapshot).Select(f => Container(f.Message)).ToList());

        // Service account: the same verdict at the same field.
        Assert.Equal(Places(guardrails, GuardrailIds.NoDefaultServiceAccount), new DefaultServiceAccount().Evaluate(snapshot).Select(f => f.Source!.ToString()).ToList());

        // Token: the scan flags what the guardrail flags, less the pods whose declared ServiceAccount opts out.
        var accountOptsOut = pod.DeclaresAccount && pod.AccountAutomount == false && pod.Automount is null;
        var scanToken = new AutomountedToken().Evaluate(snapshot).ToList();
        var guardToken = guardrails.Where(v => v.Policy == GuardrailIds.NoTokenAutomount).ToList();
        Assert.Equal(guardToken.Count == 1 && !accountOptsOut, scanToken.Count == 1);
        if (pod.Automount == true) Assert.Equal(guardToken[0].Location.ToString(), scanToken[0].Source!.ToString());
        return true;
    });

    [Fact]
    public void Ephemeral_containers_of_a_bare_pod_are_judged_by_both()
    {
        var pod = new PodCase("Pod", [], [new ContainerCase("nginx:1.27.2" + Digest, 15)], [new ContainerCase("busybox", -1)],
            -1, "web", null, false, false, null, 0);
        var snapshot = TestSnapshots.From(Manifests(pod));
        var guardrails = Violations(snapshot);

        var scan = new MutableImageTag().Evaluate(snapshot).ToList();
        Assert.Equal(Sites(guardrails, GuardrailIds.NoLatestTag), Sites(scan));
        Assert.Equal("ephemeral container \"e0\" image \"busybox\" has no tag (so :latest), so what runs changes with every push; pin a version or digest",
            Assert.Single(scan).Message);
        Assert.Equal(Sites(guardrails, GuardrailIds.DigestRequired), Sites(new ImageWithoutDigest().Evaluate(snapshot)));
        Assert.StartsWith("ephemeral container \"e0\" @ -:1:", Assert.Single(Sites(new ImageWithoutDigest().Evaluate(snapshot))), StringComparison.Ordinal);
        // Ephemeral containers may not have resources: neither side asks for them.
        Assert.DoesNotContain(guardrails, v => v.Policy == GuardrailIds.Resources);
        Assert.Empty(new MissingResourceLimits().Evaluate(snapshot));
    }

    [Theory]
    [InlineData(15, 0, 0)]   // the pod sets all four: nothing is missing anywhere
    [InlineData(12, 1, 0)]   // pod-level limits: the scan is satisfied, the guardrail still wants requests
    [InlineData(3, 1, 1)]    // pod-level requests only: both want limits
    [InlineData(-1, 1, 1)]   // no pod-level resources: both flag the container
    public void Pod_level_resources_count_for_every_container(int podResources, int guardrailViolations, int scanFindings)
    {
        var pod = new PodCase("Deployment", [], [new ContainerCase("nginx:1.27.2", -1)], [], podResources, "web", null, false, false, null, 0);
        var snapshot = TestSnapshots.From(Manifests(pod));
        Assert.Equal(guardrailViolations, Violations(snapshot).Count(v => v.Policy == GuardrailIds.Resources));
        Assert.Equal(scanFindings, new MissingResourceLimits().Evaluate(snapshot).Count());
    }

    [Fact]
    public void A_LimitRange_default_satisfies_the_scan_but_not_the_offline_guardrail()
    {
        // The webhook would see the defaulted limits (LimitRanger mutates before validation); offline, only the scan applies them.
        var pod = new PodCase("Deployment", [], [new ContainerCase("nginx:1.27.2", 3)], [], -1, "web", null, false, false, null, 3);
        var snapshot = TestSnapshots.From(Manifests(pod));
        Assert.Equal(
            ["container \"c0\" does not set resources.limits.cpu, resources.limits.memory; set them from its observed usage (e.g. limits.cpu: 500m, limits.memory: 256Mi)"],
            Violations(snapshot).Where(v => v.Policy == GuardrailIds.Resources).Select(v => v.Message));
        Assert.Empty(new MissingResourceLimits().Evaluate(snapshot));
    }

    [Theory]
    [InlineData(null, false, 1, 0)]  // the ServiceAccount opts out: only the scan sees it
    [InlineData(null, true, 1, 1)]
    [InlineData(null, null, 1, 1)]
    [InlineData(true, false, 1, 1)]  // the pod spec wins over the ServiceAccount
    [InlineData(false, true, 0, 0)]
    public void The_ServiceAccount_decides_for_the_scan_only_what_the_pod_spec_leaves_open(bool? podSetting, bool? accountSetting, int guardrail, int scan)
    {
        var pod = new PodCase("Deployment", [], [new ContainerCase("nginx:1.27.2", 15)], [], -1, "web", null, podSetting, true, accountSetting, 0);
        var snapshot = TestSnapshots.From(Manifests(pod));
        Assert.Equal(guardrail, Violations(snapshot).Count(v => v.Policy == GuardrailIds.NoTokenAutomount));
        Assert.Equal(scan, new AutomountedToken().Evaluate(snapshot).Count());
    }

    /// <summary>The guardrail violations on the workload "web", every guardrail at audit (the opt-in digest one included).</summary>
    private static List<GuardrailViolation> Violations(Snapshot snapshot)
    {
        var config = new GuardrailConfig
        {
            Policies = GuardrailLibrary.Policies.ToDictionary(p => p.Id, p => GuardrailConfig.DefaultSettings(p.Id) with { Action = GuardrailAction.Audit }),
        };
        var results = new GuardrailEngine(config, TimeProvider.System).Evaluate(snapshot);
        return results.Single(r => r.Object.Name == "web" && r.Object.Kind != "ServiceAccount").Violations.ToList();
    }

    private static List<string> Sites(IEnumerable<GuardrailViolation> violations, string policy) =>
        violations.Where(v => v.Policy == policy).Select(v => $"{Container(v.Message)} @ {v.Location}").ToList();

    private static List<string> Sites(IEnumerable<Finding> findings) => findings.Select(f => $"{Container(f.Message)} @ {f.Source}").ToList();

    private static List<string> Places(IEnumerable<GuardrailViolation> violations, string policy) =>
        violations.Where(v => v.Policy == policy).Select(v => v.Location.ToString()).ToList();

    /// <summary>"init container \"i0\"": both sides open a per-container message with the container's description.</summary>
    private static string Container(string message) => ContainerPrefix().Match(message) is { Success: true } m ? m.Value : message;

    [GeneratedRegex("^(?:init |ephemeral )?container \"[^\"]*\"")]
    private static partial Regex ContainerPrefix();

    [GeneratedRegex(@"resources\.limits\.(cpu|memory)")]
    private static partial Regex LimitField();

    /// <summary>The case as a JSON array of manifests (one line, so sources read <c>-:1:column</c>).</summary>
    private static string Manifests(PodCase pod)
    {
        var spec = new JsonObject();
        if (pod.ServiceAccountName is not null) spec["serviceAccountName"] = pod.ServiceAccountName;
        if (pod.ServiceAccountAlias is not null) spec["serviceAccount"] = pod.ServiceAccountAlias;
        if (pod.Automount is bool automount) spec["automountServiceAccountToken"] = automount;
        if (pod.PodResources >= 0) spec["resources"] = Resources(pod.PodResources);
        if (pod.Init.Count > 0) spec["initContainers"] = ContainerArray(pod.Init, "i");
        spec["containers"] = ContainerArray(pod.App, "c");
        if (pod.Ephemeral.Count > 0) spec["ephemeralContainers"] = ContainerArray(pod.Ephemeral, "e");

        JsonObject Template() => new() { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = "web" } }, ["spec"] = spec };
        var workload = pod.Kind switch
        {
            "Pod" => Object("v1", "Pod", "web", spec),
            "CronJob" => Object("batch/v1", "CronJob", "web", new JsonObject
            {
                ["schedule"] = "0 * * * *",
                ["jobTemplate"] = new JsonObject { ["spec"] = new JsonObject { ["template"] = Template() } },
            }),
            _ => Object("apps/v1", pod.Kind, "web", new JsonObject
            {
                ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "web" } },
                ["template"] = Template(),
            }),
        };
        var objects = new JsonArray(workload);
        if (pod.DeclaresAccount)
        {
            var account = Object("v1", "ServiceAccount", pod.EffectiveAccount, null);
            if (pod.AccountAutomount is bool b) account["automountServiceAccountToken"] = b;
            objects.Add(account);
        }
        if (pod.LimitRangeDefaults != 0)
        {
            var defaults = new JsonObject();
            if ((pod.LimitRangeDefaults & 1) != 0) defaults["cpu"] = "1";
            if ((pod.LimitRangeDefaults & 2) != 0) defaults["memory"] = "1Gi";
            objects.Add(Object("v1", "LimitRange", "defaults", new JsonObject
            {
                ["limits"] = new JsonArray(new JsonObject { ["type"] = "Container", ["default"] = defaults }),
            }));
        }
        return objects.ToJsonString();
    }

    private static JsonObject Object(string apiVersion, string kind, string name, JsonObject? spec)
    {
        var obj = new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = kind,
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "shop" },
        };
        if (spec is not null) obj["spec"] = spec;
        return obj;
    }

    private static JsonArray ContainerArray(IReadOnlyList<ContainerCase> containers, string prefix)
    {
        var array = new JsonArray();
        for (var i = 0; i < containers.Count; i++)
        {
            var c = new JsonObject { ["name"] = $"{prefix}{i}" };
            if (containers[i].Image is { } image) c["image"] = image;
            // The API forbids ephemeral containers resources; a generated one never has them.
            if (containers[i].Resources >= 0 && prefix != "e") c["resources"] = Resources(containers[i].Resources);
            array.Add(c);
        }
        return array;
    }

    /// <summary>Bits 0-3: requests.cpu, requests.memory, limits.cpu, limits.memory.</summary>
    private static JsonObject Resources(int bits)
    {
        var requests = new JsonObject();
        var limits = new JsonObject();
        if ((bits & 1) != 0) requests["cpu"] = "100m";
        if ((bits & 2) != 0) requests["memory"] = "64Mi";
        if ((bits & 4) != 0) limits["cpu"] = "500m";
        if ((bits & 8) != 0) limits["memory"] = "256Mi";
        var resources = new JsonObject();
        if (requests.Count > 0) resources["requests"] = requests;
        if (limits.Count > 0) resources["limits"] = limits;
        return resources;
    }
}
