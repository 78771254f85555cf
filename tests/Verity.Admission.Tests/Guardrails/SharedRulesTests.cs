using k8s.Models;
using Verity.Admission.Guardrails;
using Verity.Admission.Guardrails.Rules;
using Verity.Core.Model;

namespace Verity.Admission.Tests.Guardrails;

/// <summary>
/// The rules the guardrails share with <c>verity scan</c> (Rules/), on typed pod specs: exact answers for the cases
/// where Kubernetes semantics decide (ephemeral containers, pod-level resources, the deprecated service account alias,
/// what the pod spec leaves to its ServiceAccount).
/// </summary>
public sealed class SharedRulesTests
{
    private static readonly IReadOnlyList<object> TemplatePath = ["spec", "template", "spec"];

    private static V1Container Container(string name, string? image, V1ResourceRequirements? resources = null) =>
        new() { Name = name, Image = image, Resources = resources };

    private static V1ResourceRequirements Resources(string? requests, string? limits) => new()
    {
        Requests = requests is null ? null : Quantities(requests),
        Limits = limits is null ? null : Quantities(limits),
    };

    private static Dictionary<string, ResourceQuantity> Quantities(string names) =>
        names.Split(',').ToDictionary(n => n, n => new ResourceQuantity(n == "cpu" ? "100m" : "64Mi"));

    [Fact]
    public void Image_rules_judge_init_app_and_ephemeral_containers_and_skip_those_without_an_image()
    {
        var pod = PodSpecSite.Of(new V1PodSpec
        {
            InitContainers = [Container("init", "busybox")],
            Containers = [Container("app", "nginx:1.27.2"), Container("later", null), Container("bad", "Shop/Web:1")],
            EphemeralContainers = [new V1EphemeralContainer { Name = "debug", Image = "busybox:latest" }],
        }, TemplatePath);

        Assert.Equal(
            ["init container \"init\" NoTag spec.template.spec.initContainers[0]", "container \"bad\" InvalidReference spec.template.spec.containers[2]",
             "ephemeral container \"debug\" LatestTag spec.template.spec.ephemeralContainers[0]"],
            ImageTagRule.Violations(pod).Select(v => $"{v.Image.Site.Describe()} {v.Problem} {FieldPath.Format(v.Image.Site.Path)}"));
        // The invalid reference is left to the tag rule, so it is reported once.
        Assert.Equal(["init", "app", "debug"], ImageDigestRule.Violations(pod).Select(i => i.Site.Name));
    }

    [Theory]
    [InlineData("nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000", null)]
    [InlineData("nginx:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000", null)]
    [InlineData("registry.internal:5000/app", ImageTagProblem.NoTag)]
    [InlineData("app:5000", null)]
    [InlineData("localhost/app:latest", ImageTagProblem.LatestTag)]
    [InlineData("bad image", ImageTagProblem.InvalidReference)]
    public void The_tag_rule_follows_the_runtimes_grammar(string image, ImageTagProblem? expected)
    {
        var site = Assert.Single(ContainerImage.Of(PodSpecSite.Of(new V1PodSpec { Containers = [Container("app", image)] }, ["spec"])));
        Assert.Equal(expected, ImageTagRule.Judge(site));
    }

    [Fact]
    public void Resources_are_read_per_init_and_app_container_and_ephemeral_containers_are_exempt()
    {
        var pod = PodSpecSite.Of(new V1PodSpec
        {
            InitContainers = [Container("init", "busybox:1", Resources("cpu,memory", null))],
            Containers = [Container("app", "app:1", Resources("cpu,memory", "cpu,memory")), Container("bare", "app:1")],
            EphemeralContainers = [new V1EphemeralContainer { Name = "debug", Image = "busybox:1" }],
        }, ["spec"]);

        Assert.Equal(
            ["init: resources.limits.cpu, resources.limits.memory",
             "bare: resources.requests.cpu, resources.requests.memory, resources.limits.cpu, resources.limits.memory"],
            ResourcesRule.Violations(pod).Select(m => $"{m.Site.Name}: {string.Join(", ", m.Missing)}"));
    }

    [Fact]
    public void Pod_level_resources_count_for_every_container()
    {
        // KEP-2837: spec.resources bounds and schedules the whole pod; a container without its own value lives within it.
        var pod = PodSpecSite.Of(new V1PodSpec
        {
            Resources = Resources("memory", "cpu,memory"),
            InitContainers = [Container("init", "busybox:1")],
            Containers = [Container("app", "app:1", Resources("cpu", null))],
        }, ["spec"]);

        Assert.Equal(["init: resources.requests.cpu"], ResourcesRule.Violations(pod).Select(m => $"{m.Site.Name}: {string.Join(", ", m.Missing)}"));
    }

    [Theory]
    [InlineData(null, null, "default", null)]
    [InlineData("", "", "default", null)]
    [InlineData("web", "legacy", "web", "serviceAccountName")]
    [InlineData("", "legacy", "legacy", "serviceAccount")]
    [InlineData(null, "default", "default", "serviceAccount")]
    public void The_service_account_is_serviceAccountName_else_the_deprecated_alias_else_default(string? name, string? alias, string expected, string? field)
    {
        var choice = ServiceAccountRule.Of(new V1PodSpec { ServiceAccountName = name, ServiceAccount = alias });
        Assert.Equal(new ServiceAccountChoice(expected, field), choice);
        Assert.Equal(expected == "default", choice.IsDefault);
    }

    [Theory]
    [InlineData(false, TokenAutomount.OptedOut)]
    [InlineData(true, TokenAutomount.MountedBySpec)]
    [InlineData(null, TokenAutomount.LeftToServiceAccount)]
    public void The_pod_spec_decides_the_token_only_when_it_sets_the_field(bool? automount, TokenAutomount expected) =>
        Assert.Equal(expected, TokenAutomountRule.Of(new V1PodSpec { AutomountServiceAccountToken = automount }));

    [Fact]
    public void A_pod_with_pod_level_limits_and_requests_passes_VG_RES_001()
    {
        var result = GuardrailTestData.EvaluateOne("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: shop, labels: {app.kubernetes.io/name: p}}
            spec:
              resources:
                requests: {cpu: 100m, memory: 128Mi}
                limits: {cpu: 500m, memory: 256Mi}
              containers: [{name: app, image: "ghcr.io/example-shop/a:1"}, {name: sidecar, image: "ghcr.io/example-shop/b:1", resources: {limits: {cpu: 100m}}}]
            """);
        Assert.DoesNotContain(result.Violations, v => v.Policy == GuardrailIds.Resources);
    }
}
