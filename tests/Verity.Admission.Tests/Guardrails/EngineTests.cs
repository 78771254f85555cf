using Verity.Admission.Guardrails;
using Verity.Core.Loading;
using Verity.Core.Model;

namespace Verity.Admission.Tests.Guardrails;

/// <summary>
/// The engine on single objects, as a webhook would call it: selectors against the object's and its namespace's
/// labels, namespace labels unknown, kinds the library does not read, and the shape of the result.
/// </summary>
public sealed class EngineTests
{
    private const string ScopedConfig = """
        apiVersion: verity.dev/v1alpha1
        kind: PolicyConfig
        metadata: {name: scoped}
        spec:
          defaultAction: disabled
          policies:
            VG-IDN-002:
              action: enforce
              namespaceSelector:
                matchExpressions: [{key: env, operator: In, values: [prod, staging]}]
              objectSelector:
                matchExpressions: [{key: verity.dev/skip, operator: DoesNotExist}]
            VG-NS-001:
              action: enforce
              namespaceSelector:
                matchLabels: {kubernetes.io/metadata.name: payments}
        """;

    private static KubeObject Object(string yaml) => Assert.Single(ManifestParser.Parse(yaml, "object.yaml").Objects);

    private static KubeObject PodIn(string ns, string labels = "{}") => Object($$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: {{ns}}, labels: {{labels}}}
        spec:
          containers: [{name: app, image: "ghcr.io/example-shop/a:1"}]
        """);

    private static GuardrailEngine Engine(string config = ScopedConfig) =>
        new(GuardrailTestData.Config(config), FixedClock.At(GuardrailTestData.DefaultNow));

    [Theory]
    [InlineData("prod", "{}", false)]
    [InlineData("staging", "{}", false)]
    [InlineData("dev", "{}", true)]
    [InlineData("prod", "{verity.dev/skip: \"yes\"}", true)]
    public void Namespace_and_object_selectors_decide_whether_a_policy_applies(string env, string podLabels, bool allowed)
    {
        var result = Engine().Evaluate(new GuardrailInput(PodIn("shop", podLabels), new Dictionary<string, string> { ["env"] = env }));
        Assert.Equal(allowed, result.Allowed);
        Assert.Equal(allowed ? [] : [GuardrailIds.NoTokenAutomount], result.Violations.Select(v => v.Policy));
    }

    [Fact]
    public void Unknown_namespace_labels_are_only_the_name_label_so_a_label_selector_does_not_match()
    {
        Assert.True(Engine().Evaluate(new GuardrailInput(PodIn("shop"))).Allowed);
    }

    [Fact]
    public void A_namespace_selector_matches_a_namespaces_own_labels_including_its_name()
    {
        var payments = Object("apiVersion: v1\nkind: Namespace\nmetadata: {name: payments}\n");
        var other = Object("apiVersion: v1\nkind: Namespace\nmetadata: {name: other}\n");
        Assert.Equal([GuardrailIds.PodSecurityLabel], Engine().Evaluate(new GuardrailInput(payments)).Violations.Select(v => v.Policy));
        Assert.Empty(Engine().Evaluate(new GuardrailInput(other)).Violations);
    }

    [Fact]
    public void Kinds_the_library_does_not_read_have_no_violations()
    {
        var configMap = Object("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: shop}\ndata: {a: b}\n");
        Assert.False(GuardrailEngine.IsEvaluated(configMap));
        var result = new GuardrailEngine(GuardrailConfig.Default, TimeProvider.System).Evaluate(new GuardrailInput(configMap));
        Assert.True(result.Allowed);
        Assert.Empty(result.Violations);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Every_denying_violation_is_in_the_denial_message_in_library_order()
    {
        var config = """
            apiVersion: verity.dev/v1alpha1
            kind: PolicyConfig
            metadata: {name: all}
            spec:
              defaultAction: enforce
            """;
        var pod = Object("""
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: shop, labels: {app.kubernetes.io/name: p}}
            spec:
              serviceAccountName: p
              containers: [{name: app, image: "nginx:latest", securityContext: {readOnlyRootFilesystem: true}, resources: {requests: {cpu: 1m, memory: 1Mi}, limits: {cpu: 1m, memory: 1Mi}}}]
            """);
        var result = Engine(config).Evaluate(new GuardrailInput(pod));
        Assert.False(result.Allowed);
        Assert.Equal([GuardrailIds.NoLatestTag, GuardrailIds.NoTokenAutomount], result.Violations.Select(v => v.Policy));
        Assert.Equal(
            "VG-IMG-002: container \"app\" image \"nginx:latest\" uses :latest, so what runs changes with every push; set a release tag (docker.io/nginx:<version>) or a digest (@sha256:<digest>); " +
            "VG-IDN-002: the pod spec does not set automountServiceAccountToken, so Kubernetes mounts an API token; set automountServiceAccountToken: false unless the pod calls the Kubernetes API",
            result.DenialMessage);
        Assert.Equal("object.yaml:6:35", result.Violations[0].Location.ToString());
        Assert.Empty(result.Warnings);
        Assert.Empty(result.AuditAnnotations);
    }

    [Fact]
    public void A_disabled_policy_is_not_evaluated()
    {
        var config = "apiVersion: verity.dev/v1alpha1\nkind: PolicyConfig\nmetadata: {name: quiet}\nspec: {defaultAction: disabled}\n";
        Assert.Empty(Engine(config).Evaluate(new GuardrailInput(PodIn("shop"))).Violations);
    }

    [Theory]
    [InlineData("ghcr.io/example-shop/web:1", "ghcr.io/example-shop", true)]
    [InlineData("ghcr.io/example-shop/team/web:1", "ghcr.io/example-shop", true)]
    [InlineData("ghcr.io/example-shopping/web:1", "ghcr.io/example-shop", false)]
    [InlineData("ghcr.io/example-shop/web:1", "ghcr.io", true)]
    [InlineData("ghcr.io/example-shop/web:1", "ghcr.io/", true)]
    [InlineData("nginx:1.27", "docker.io/library", true)]
    [InlineData("nginx:1.27", "docker.io/library/nginx", true)]
    [InlineData("bitnami/nginx:1.27", "docker.io/library", false)]
    [InlineData("bitnami/nginx:1.27", "docker.io", true)]
    [InlineData("localhost:5000/app:1", "localhost:5000", true)]
    [InlineData("localhost:5000/app:1", "localhost", false)]
    public void Allowed_registries_match_whole_path_components_of_the_effective_name(string image, string allowed, bool pass)
    {
        var config = $"""
            apiVersion: verity.dev/v1alpha1
            kind: PolicyConfig
            metadata: {"{"}name: r{"}"}
            spec:
              defaultAction: disabled
              policies:
                VG-IMG-001:
                  action: enforce
                  registries: ["{allowed}"]
            """;
        var pod = Object($"apiVersion: v1\nkind: Pod\nmetadata: {{name: p, namespace: shop}}\nspec:\n  containers: [{{name: app, image: \"{image}\"}}]\n");
        Assert.Equal(pass, Engine(config).Evaluate(new GuardrailInput(pod)).Allowed);
    }
}
