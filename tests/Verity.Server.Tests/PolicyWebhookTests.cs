using System.Text.Json;
using Verity.Admission.Vap;
using Verity.Core.Loading;

namespace Verity.Server.Tests;

/// <summary>ValidatingAdmissionPolicies through the webhook over real HTTPS (docs/vap.md, "In the webhook").</summary>
public sealed class PolicyWebhookTests
{
    private const string Policies = """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicy
        metadata: {name: configmap-size}
        spec:
          paramKind: {apiVersion: v1, kind: ConfigMap}
          matchConstraints:
            resourceRules:
            - {apiGroups: [""], apiVersions: ["v1"], operations: ["CREATE", "UPDATE", "DELETE"], resources: ["configmaps"]}
          validations:
          - expression: "request.operation == 'DELETE' || size(object.data) <= int(params.data.maxKeys)"
            messageExpression: "'at most ' + params.data.maxKeys + ' keys, not ' + string(size(object.data))"
          - expression: "request.operation != 'DELETE' || request.userInfo.username == 'admin'"
            message: "only admin deletes ConfigMaps"
            reason: Forbidden
          auditAnnotations:
          - {key: keys, valueExpression: "request.operation == 'DELETE' ? '' : string(size(object.data))"}
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: {name: configmap-size-strict}
        spec:
          policyName: configmap-size
          validationActions: [Deny]
          paramRef: {name: limits, namespace: policy, parameterNotFoundAction: Deny}
          matchResources:
            namespaceSelector: {matchLabels: {strict: "true"}}
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingAdmissionPolicyBinding
        metadata: {name: configmap-size-warn}
        spec:
          policyName: configmap-size
          validationActions: [Warn]
          paramRef: {name: limits, namespace: policy, parameterNotFoundAction: Deny}
          matchResources:
            namespaceSelector: {matchExpressions: [{key: strict, operator: DoesNotExist}]}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: limits, namespace: policy}
        data: {maxKeys: "2"}
        """;

    private static async Task<WebhookHost> StartAsync()
    {
        var load = ManifestParser.Parse(Policies, "policies.yaml");
        Assert.False(load.HasErrors);
        var (set, problems) = VapCompiler.Compile(load.Objects);
        Assert.Empty(problems);
        var labels = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["prod"] = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "prod", ["strict"] = "true" },
            ["dev"] = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "dev" },
        };
        Func<string, IReadOnlyDictionary<string, string>?> lookup = ns => labels.GetValueOrDefault(ns);
        return await WebhookHost.StartAsync(o => o with
        {
            Admission = o.Admission with { NamespaceLabels = lookup, Policies = set, PolicyInputs = new VapObjectInputs(load.Objects, lookup) },
        });
    }

    private static string ConfigMap(string ns, int keys) =>
        JsonSerializer.Serialize(new { apiVersion = "v1", kind = "ConfigMap", metadata = new { name = "x", @namespace = ns }, data = Enumerable.Range(0, keys).ToDictionary(i => $"k{i}", i => "v") });

    [Fact]
    public async Task A_denying_binding_rejects_with_the_API_servers_message_reason_and_code()
    {
        await using var host = await StartAsync();
        var response = await host.ReviewAsync("/validate", Reviews.Review("uid-1", ConfigMap("prod", 3), kind: "ConfigMap", ns: "prod"));

        Assert.Equal("uid-1", response.GetProperty("uid").GetString());
        Assert.False(response.GetProperty("allowed").GetBoolean());
        var status = response.GetProperty("status");
        Assert.Equal(422, status.GetProperty("code").GetInt32());
        Assert.Equal("Invalid", status.GetProperty("reason").GetString());
        Assert.Equal("ValidatingAdmissionPolicy 'configmap-size' with binding 'configmap-size-strict' denied request: at most 2 keys, not 3",
            status.GetProperty("message").GetString());
        Assert.Equal("3", response.GetProperty("auditAnnotations").GetProperty("configmap-size/keys").GetString());
    }

    [Fact]
    public async Task A_warning_binding_allows_and_warns()
    {
        await using var host = await StartAsync();
        var response = await host.ReviewAsync("/validate", Reviews.Review("uid-2", ConfigMap("dev", 5), kind: "ConfigMap", ns: "dev"));

        Assert.True(response.GetProperty("allowed").GetBoolean());
        Assert.Equal(["Validation failed for ValidatingAdmissionPolicy 'configmap-size' with binding 'configmap-size-warn': at most 2 keys, not 5"],
            response.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task Deletes_are_judged_with_the_old_object_and_the_user_and_the_policy_reason_is_kept()
    {
        await using var host = await StartAsync();
        var response = await host.ReviewAsync("/validate", Reviews.Review("uid-3", null, operation: "DELETE", kind: "ConfigMap", ns: "prod", oldObjectJson: ConfigMap("prod", 1)));

        Assert.False(response.GetProperty("allowed").GetBoolean());
        var status = response.GetProperty("status");
        Assert.Equal((403, "Forbidden"), (status.GetProperty("code").GetInt32(), status.GetProperty("reason").GetString()));
        Assert.Equal("ValidatingAdmissionPolicy 'configmap-size' with binding 'configmap-size-strict' denied request: only admin deletes ConfigMaps",
            status.GetProperty("message").GetString());
        Assert.False(response.TryGetProperty("auditAnnotations", out var annotations) && annotations.TryGetProperty("configmap-size/keys", out _));
    }

    [Fact]
    public async Task Allowed_requests_stay_allowed()
    {
        await using var host = await StartAsync();
        var response = await host.ReviewAsync("/validate", Reviews.Review("uid-4", ConfigMap("prod", 2), kind: "ConfigMap", ns: "prod"));
        Assert.True(response.GetProperty("allowed").GetBoolean());
        Assert.False(response.TryGetProperty("warnings", out _));
    }
}
