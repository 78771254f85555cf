using System.Text.Json;
using k8s;
using k8s.Models;
using Verity.Admission.Pss;

namespace Verity.Server.Admission;

/// <summary>
/// Decides a validating admission request against the Pod Security Standards, as Pod Security Admission would
/// (https://kubernetes.io/docs/concepts/security/pod-security-admission/), with PSA's messages. Pure and thread-safe: no
/// HTTP, no I/O, no clock (the namespace-label lookup of <see cref="AdmissionConfig"/> is the caller's).
/// <list type="bullet">
/// <item>DELETE and CONNECT, subresources other than a Pod's <c>ephemeralcontainers</c>, and kinds that run no pod are
/// allowed, with the reason in the status message.</item>
/// <item>Pods and workload pod templates are judged with the enforce policy (a template that would be rejected is a
/// rollout that will fail; PSA itself only warns on templates), then warn and audit.</item>
/// <item>Updates PSA does not judge are allowed unjudged (<see cref="PodUpdates"/>): a Pod update that changes no image,
/// container list or seccomp annotation, a workload update that leaves the pod template unchanged — so objects older than
/// the policy can still be relabelled and scaled.</item>
/// <item>A missing or unreadable object is an <see cref="AdmissionOutcome.Error"/>: rejected with status 400.</item>
/// <item>With <see cref="AdmissionConfig.Guardrails"/>, the judged objects — and Services and Namespaces, which Pod
/// Security skips — are also judged by the guardrails (<see cref="GuardrailDecider"/>): denied when either denies.</item>
/// </list>
/// </summary>
public static class AdmissionDecider
{
    public const string AuditViolationsKey = "pss-audit-violations";
    public const string EnforcePolicyKey = "pss-enforce-policy";
    public const string ExemptKey = "pss-exempt";

    public static AdmissionDecision Decide(AdmissionRequestInfo request, AdmissionConfig config)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(config);
        var pss = DecidePss(request, config, out var judgeGuardrails, out var podSpec);
        var decision = judgeGuardrails && config.Guardrails is { } guardrails ? GuardrailDecider.Combine(pss, request, config, guardrails, podSpec) : pss;
        return config.Policies is { PolicyCount: > 0 } policies ? PolicyDecider.Combine(decision, request, config, policies) : decision;
    }

    /// <summary>
    /// The Pod Security decision; <paramref name="judgeGuardrails"/> is false when the request is not judged at all
    /// (DELETE/CONNECT, other subresources, pod updates and template-preserving updates PSA does not judge).
    /// </summary>
    private static AdmissionDecision DecidePss(AdmissionRequestInfo request, AdmissionConfig config, out bool judgeGuardrails, out V1PodSpec? podSpec)
    {
        judgeGuardrails = false;
        podSpec = null;
        if (request.Operation is AdmissionOperation.Delete or AdmissionOperation.Connect)
            return AdmissionDecision.Skip($"{request.Operation.ToString().ToUpperInvariant()} is not judged: Pod Security applies to objects being created or updated");
        var location = PodSpecLocation.For(request.Kind);
        if (location is null)
        {
            judgeGuardrails = request.SubResource.Length == 0;
            return AdmissionDecision.Skip(judgeGuardrails || config.Guardrails is null
                ? $"{request.Kind} is not judged: it runs no pod"
                : $"subresource \"{request.SubResource}\" of {request.Kind} is not judged");
        }
        if (request.SubResource.Length > 0 && !(location.IsPod && request.SubResource == "ephemeralcontainers"))
            return AdmissionDecision.Skip($"subresource \"{request.SubResource}\" of {request.Kind} is not judged");
        if (request.Object is not { ValueKind: JsonValueKind.Object } obj)
            return AdmissionDecision.Fail($"request.object is missing for {request.Operation.ToString().ToUpperInvariant()} {request.Kind}; cannot judge it (denied)");
        if (request.Operation == AdmissionOperation.Update && request.SubResource.Length == 0 && request.OldObject is { ValueKind: JsonValueKind.Object } old)
        {
            if (location.IsPod && !PodUpdates.IsSignificantPodUpdate(obj, old))
                return AdmissionDecision.Skip("pod update changes no image, container list or seccomp annotation: not judged, as Pod Security Admission does");
            if (!location.IsPod && PodUpdates.IsTemplateUnchanged(obj, old, location.TemplatePath))
                return AdmissionDecision.Skip($"{request.Kind} update leaves the pod template unchanged: not judged, as Pod Security Admission does");
        }

        judgeGuardrails = true;
        // PSA's exemptions (AdmissionConfiguration "exemptions"): the namespace, then the user, then the runtime class;
        // an exempt request is allowed without evaluating, with the audit annotation exempt=<reason>. Guardrails still judge it.
        if (config.Exemptions.Namespaces.Contains(request.Namespace)) return Exempt("namespace", request);
        if (config.Exemptions.Usernames.Contains(request.UserInfo.Username)) return Exempt("user", request);
        var policy = PolicyFor(request.Namespace, config);
        var read = ReadPod(obj, location, request.Kind);
        if (read.Error is { } error) return AdmissionDecision.Fail(error);
        podSpec = read.FromJson ? read.Spec : null; // read once, shared with the guardrails
        if (read.Spec?.RuntimeClassName is { Length: > 0 } runtimeClass && config.Exemptions.RuntimeClasses.Contains(runtimeClass))
            return Exempt("runtimeClass", request);
        var evaluate = (PssLevelVersion level) => PodSecurityEvaluator.Default.Evaluate(level, read.Annotations, read.Spec!, location.IsPod);

        var warnings = policy.Problems.Select(p => $"namespace \"{request.Namespace}\": {p}").ToList();
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal) { [EnforcePolicyKey] = policy.Enforce.ToString() };
        var actions = new List<PolicyAction>();

        var enforce = evaluate(policy.Enforce);
        actions.Add(new("pss-enforce", enforce.Allowed ? "allow" : "deny"));
        if (policy.Warn.Level != PssLevel.Privileged && !(policy.Warn == policy.Enforce && !enforce.Allowed))
        {
            var warn = policy.Warn == policy.Enforce ? enforce : evaluate(policy.Warn);
            if (!warn.Allowed)
            {
                warnings.Add("would " + warn.Message.Replace("violates PodSecurity", "violate PodSecurity", StringComparison.Ordinal));
                actions.Add(new("pss-warn", "warn"));
            }
        }
        if (policy.Audit.Level != PssLevel.Privileged)
        {
            var audit = policy.Audit == policy.Enforce ? enforce : evaluate(policy.Audit);
            if (!audit.Allowed)
            {
                annotations[AuditViolationsKey] = "would " + audit.Message.Replace("violates PodSecurity", "violate PodSecurity", StringComparison.Ordinal);
                actions.Add(new("pss-audit", "audit"));
            }
        }
        return new AdmissionDecision
        {
            Outcome = enforce.Allowed ? AdmissionOutcome.Allowed : AdmissionOutcome.Denied,
            Code = enforce.Allowed ? 200 : 403,
            Message = enforce.Message,
            Warnings = warnings,
            AuditAnnotations = annotations,
            Actions = actions,
        };
    }

    /// <summary>An exempt request: allowed, not evaluated, <c>pss-exempt</c> audit annotation with the reason (PSA's <c>exempt</c>).</summary>
    private static AdmissionDecision Exempt(string reason, AdmissionRequestInfo request) => new()
    {
        Outcome = AdmissionOutcome.Skipped,
        Code = 200,
        Message = $"{request.Kind} is exempt from Pod Security by {reason}",
        AuditAnnotations = new Dictionary<string, string>(StringComparer.Ordinal) { [ExemptKey] = reason },
        Actions = [new PolicyAction("pss", "exempt")],
    };

    /// <summary>The namespace's labels over the configured defaults, as PSA reads them; the defaults when the labels are unknown.</summary>
    internal static PssPolicy PolicyFor(string ns, AdmissionConfig config)
    {
        var labels = ns.Length > 0 ? config.NamespaceLabels?.Invoke(ns) : null;
        return labels is null ? config.Defaults : PssNamespacePolicy.FromLabels(labels, config.Defaults);
    }

    /// <summary>The pod's annotations and spec; <see cref="FromJson"/> is false when the object had no spec and an empty one stands in.</summary>
    private sealed record PodRead(IDictionary<string, string>? Annotations, V1PodSpec? Spec, string? Error, bool FromJson = false);

    /// <summary><c>metadata.annotations</c>; a value that is not a string is a malformed object (as the typed model would reject it).</summary>
    private static Dictionary<string, string>? Annotations(JsonElement pod)
    {
        if (!pod.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object
            || !metadata.TryGetProperty("annotations", out var annotations) || annotations.ValueKind == JsonValueKind.Null)
            return null;
        if (annotations.ValueKind != JsonValueKind.Object) throw new FormatException("metadata.annotations must be an object of strings");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in annotations.EnumerateObject())
            map[entry.Name] = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString()! : throw new FormatException($"metadata.annotations.{entry.Name} must be a string");
        return map;
    }

    private static PodRead ReadPod(JsonElement obj, PodSpecLocation location, GroupVersionKind kind)
    {
        try
        {
            // Only what Pod Security reads: the pod spec and the metadata's annotations (seccomp and AppArmor annotations
            // before v1.19/v1.30). The rest of the metadata (labels, managedFields) is never turned into model objects.
            var podElement = location.IsPod ? obj : JsonPaths.Find(obj, location.TemplatePath) is { ValueKind: JsonValueKind.Object } t ? t : (JsonElement?)null;
            if (podElement is not { } pod) return new(null, new V1PodSpec(), null);
            var spec = pod.TryGetProperty("spec", out var s) && s.ValueKind == JsonValueKind.Object ? KubernetesJson.Deserialize<V1PodSpec>(s) : null;
            return new(Annotations(pod), spec ?? new V1PodSpec(), null, spec is not null);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or OverflowException)
        {
            return new(null, null, $"request.object is not a valid {kind}: {e.Message}");
        }
    }
}
