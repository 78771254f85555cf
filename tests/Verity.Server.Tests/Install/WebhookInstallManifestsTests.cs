using System.Text;
using System.Text.Json;
using Verity.Admission.Pss;
using Verity.Core.Loading;
using Verity.Core.Model;
using Verity.Server.Install;

namespace Verity.Server.Tests.Install;

/// <summary>
/// The YAML of <c>admission manifests</c>, read back by Verity's own manifest parser as <c>kubectl apply</c> would read it:
/// the objects, their order, the webhook registration fields the issue requires, and a Deployment that meets Pod Security
/// restricted.
/// </summary>
public sealed class WebhookInstallManifestsTests
{
    private static readonly WebhookCertificates Certificates =
        WebhookCertificates.Issue("verity", "verity", TimeSpan.FromDays(1), new FixedTime(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero)));

    private static IReadOnlyList<KubeObject> Parse(WebhookInstallOptions options)
    {
        var yaml = WebhookInstallManifests.ToYaml(WebhookInstallManifests.Build(options, Certificates));
        var parsed = ManifestParser.Parse(yaml, "manifests.yaml");
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics.Select(d => d.Message)));
        return parsed.Objects;
    }

    [Fact]
    public void Everything_is_there_in_apply_order_with_the_webhook_configurations_last()
    {
        var objects = Parse(new WebhookInstallOptions { PolicyConfigYaml = "apiVersion: verity.dev/v1alpha1\nkind: PolicyConfig\n" });

        Assert.Equal(
            ["Namespace/verity", "ServiceAccount/verity", "ClusterRole/verity-verity-namespace-reader", "ClusterRoleBinding/verity-verity-namespace-reader",
             "Secret/verity-tls", "ConfigMap/verity-policy", "Deployment/verity", "Service/verity", "PodDisruptionBudget/verity",
             "ValidatingWebhookConfiguration/verity", "MutatingWebhookConfiguration/verity"],
            objects.Select(o => $"{o.Kind}/{o.Name}"));
        Assert.All(objects.Where(o => o.Kind is not ("Namespace" or "ClusterRole" or "ClusterRoleBinding" or "ValidatingWebhookConfiguration" or "MutatingWebhookConfiguration")),
            o => Assert.Equal("verity", o.Namespace));
        Assert.Equal("restricted", objects[0].Labels["pod-security.kubernetes.io/enforce"]);
    }

    [Theory]
    [InlineData("ValidatingWebhookConfiguration", "/validate", "Fail", 5)]
    [InlineData("MutatingWebhookConfiguration", "/mutate", "Ignore", 3)]
    public void Webhooks_are_registered_as_the_API_server_needs(string kind, string path, string failurePolicy, int timeout)
    {
        var objects = Parse(new WebhookInstallOptions { Namespace = "security", Service = "gate", FailurePolicy = failurePolicy, TimeoutSeconds = timeout });
        var webhook = objects.Single(o => o.Kind == kind).Raw.GetProperty("webhooks").EnumerateArray().Single();

        Assert.Equal(failurePolicy, webhook.GetProperty("failurePolicy").GetString());
        Assert.Equal(timeout, webhook.GetProperty("timeoutSeconds").GetInt32());
        Assert.Equal("None", webhook.GetProperty("sideEffects").GetString());
        Assert.Equal(["v1"], webhook.GetProperty("admissionReviewVersions").EnumerateArray().Select(v => v.GetString()));
        var service = webhook.GetProperty("clientConfig").GetProperty("service");
        Assert.Equal(("security", "gate", path, 443), (service.GetProperty("namespace").GetString(), service.GetProperty("name").GetString(), service.GetProperty("path").GetString(), service.GetProperty("port").GetInt32()));
        Assert.Equal(Certificates.CaPem, Encoding.ASCII.GetString(webhook.GetProperty("clientConfig").GetProperty("caBundle").GetBytesFromBase64()));
        var excluded = webhook.GetProperty("namespaceSelector").GetProperty("matchExpressions").EnumerateArray().Single();
        Assert.Equal(("kubernetes.io/metadata.name", "NotIn"), (excluded.GetProperty("key").GetString(), excluded.GetProperty("operator").GetString()));
        Assert.Equal(["kube-system", "security"], excluded.GetProperty("values").EnumerateArray().Select(v => v.GetString()));
        var resources = webhook.GetProperty("rules").EnumerateArray().SelectMany(r => r.GetProperty("resources").EnumerateArray().Select(x => x.GetString())).ToList();
        Assert.Contains("pods", resources);
        Assert.Contains("deployments", resources);
        Assert.Contains("cronjobs", resources);
        Assert.Equal(kind == "ValidatingWebhookConfiguration", resources.Contains("namespaces") && resources.Contains("services"));
    }

    [Fact]
    public void The_secret_holds_the_serving_pair_and_the_deployment_serves_it_with_the_chosen_flags()
    {
        var objects = Parse(new WebhookInstallOptions { PolicyConfigYaml = "x: 1\n", MutateSeccomp = false, MutateNoAutomount = true, WatchNamespaces = false, TimeoutSeconds = 2 });
        var secret = objects.Single(o => o.Kind == "Secret").Raw;
        Assert.Equal("kubernetes.io/tls", secret.GetProperty("type").GetString());
        var data = secret.GetProperty("data");
        Assert.Equal(Certificates.CertificatePem, Encoding.ASCII.GetString(data.GetProperty("tls.crt").GetBytesFromBase64()));
        Assert.Equal(Certificates.KeyPem, Encoding.ASCII.GetString(data.GetProperty("tls.key").GetBytesFromBase64()));
        Assert.Equal("x: 1\n", objects.Single(o => o.Kind == "ConfigMap").Raw.GetProperty("data").GetProperty("verity-policy.yaml").GetString());
        Assert.DoesNotContain(objects, o => o.Kind is "ClusterRole" or "ClusterRoleBinding");

        var pod = objects.Single(o => o.Kind == "Deployment").Raw.GetProperty("spec").GetProperty("template").GetProperty("spec");
        Assert.False(pod.GetProperty("automountServiceAccountToken").GetBoolean());
        var args = pod.GetProperty("containers")[0].GetProperty("args").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Equal(
            ["serve", "--admission", "--tls-cert", "/etc/verity/tls/tls.crt", "--tls-key", "/etc/verity/tls/tls.key", "--listen", "0.0.0.0:8443",
             "--timeout-ms", "1000", "--config", "/etc/verity/policy/verity-policy.yaml", "--mutate-no-automount"],
            args);
    }

    [Fact]
    public void Verity_runs_under_Pod_Security_restricted_with_every_version()
    {
        var deployment = Parse(new WebhookInstallOptions()).Single(o => o.Kind == "Deployment");
        var pod = k8s.KubernetesJson.Deserialize<k8s.Models.V1Deployment>(deployment.Raw.GetRawText()).Spec.Template;
        foreach (var version in new[] { "v1.0", "v1.22", "v1.25", "latest" })
        {
            Assert.True(PssVersion.TryParse(version, out var parsed));
            var result = PodSecurityEvaluator.Default.EvaluateTemplate(new PssLevelVersion(PssLevel.Restricted, parsed), pod);
            Assert.True(result.Allowed, result.Message);
        }
    }

    [Fact]
    public void Bad_options_are_all_reported_with_their_flag()
    {
        var problems = new WebhookInstallOptions { Namespace = "Bad_NS", Service = "-x", FailurePolicy = "Allow", TimeoutSeconds = 10, Replicas = 0, Image = "a b" }.Validate();
        Assert.Equal(6, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("--namespace must be a DNS label", StringComparison.Ordinal) && p.Contains("'Bad_NS'", StringComparison.Ordinal));
        Assert.Contains("--timeout-seconds must be 1 to 5, not 10", problems);
        Assert.Contains("--failure-policy must be Fail or Ignore, not 'Allow'", problems);
        Assert.Empty(new WebhookInstallOptions().Validate());
    }
}
