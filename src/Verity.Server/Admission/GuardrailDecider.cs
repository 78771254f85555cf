using System.Text.Json;
using k8s.Models;
using Verity.Admission.Guardrails;
using Verity.Core.Model;

namespace Verity.Server.Admission;

/// <summary>
/// Adds the guardrails of <see cref="AdmissionConfig.Guardrails"/> to a Pod Security decision (docs/webhook.md,
/// "Guardrails"). Pure: the object is read once into a <see cref="KubeObject"/> and judged by a
/// <see cref="GuardrailEngine"/> with the config's clock. The request is denied when either Pod Security or a guardrail
/// denies; warnings and audit annotations of both are kept (guardrail keys prefixed <see cref="AnnotationPrefix"/>).
/// An object the engine cannot evaluate is an <see cref="AdmissionOutcome.Error"/>: the webhook fails closed.
/// </summary>
internal static class GuardrailDecider
{
    /// <summary>Prefix of guardrail audit annotation keys: <c>guardrail-VG-IMG-002</c>, <c>guardrail-VG-IMG-002.exception</c>.</summary>
    public const string AnnotationPrefix = "guardrail-";

    /// <summary>Source name of objects read from an admission request (appears in diagnostics).</summary>
    public const string SourceName = "<admission>";

    private const string Policy = "guardrails";

    public static AdmissionDecision Combine(AdmissionDecision pss, AdmissionRequestInfo request, AdmissionConfig config, GuardrailConfig guardrails,
        V1PodSpec? podSpec = null)
    {
        if (pss.Outcome == AdmissionOutcome.Error) return pss;
        if (PodSpecLocation.For(request.Kind) is null && !GuardrailEngineKinds(request.Kind)) return pss;
        if (request.Object is not { ValueKind: JsonValueKind.Object } json)
        {
            return AdmissionDecision.Fail($"request.object is missing for {request.Operation.ToString().ToUpperInvariant()} {request.Kind}; cannot judge it (denied)", Policy);
        }
        if (ObjectOf(json) is not { } obj)
            return AdmissionDecision.Fail($"request.object is not a valid {request.Kind}: apiVersion, kind and metadata must be set, and labels and annotations must be strings", Policy);
        if (!GuardrailEngine.IsEvaluated(obj)) return pss;
        if (obj.Namespace is null && request.Namespace.Length > 0 && obj.Kind != "Namespace")
            obj = obj with { Ref = obj.Ref with { Namespace = request.Namespace } };

        var namespaceLabels = obj.Namespace is { Length: > 0 } ns ? config.NamespaceLabels?.Invoke(ns) : null;
        var result = new GuardrailEngine(guardrails, config.Time).Evaluate(new GuardrailInput(obj, namespaceLabels) { PodSpec = podSpec });
        if (result.Errors.Count > 0)
        {
            return AdmissionDecision.Fail(
                $"verity: guardrails could not evaluate {request.Kind} \"{obj.Name}\": {string.Join("; ", result.Errors)}; denied (the webhook fails closed)", Policy);
        }

        var warnings = pss.Warnings.Concat(result.Warnings).ToList();
        var annotations = new Dictionary<string, string>(pss.AuditAnnotations, StringComparer.Ordinal);
        foreach (var (key, value) in result.AuditAnnotations) annotations[AnnotationPrefix + key] = value;
        var actions = pss.Actions.Concat(result.Violations.GroupBy(v => v.Policy, StringComparer.Ordinal).Select(g => new PolicyAction(g.Key, ActionOf(g)))).ToList();

        var pssDenied = pss.Outcome == AdmissionOutcome.Denied;
        var denied = pssDenied || !result.Allowed;
        var message = denied
            ? string.Join("; ", new[] { pssDenied ? pss.Message : null, result.DenialMessage }.OfType<string>())
            : pss.Outcome == AdmissionOutcome.Skipped ? "" : pss.Message;
        return new AdmissionDecision
        {
            Outcome = denied ? AdmissionOutcome.Denied : AdmissionOutcome.Allowed,
            Code = denied ? 403 : 200,
            Message = message,
            Warnings = warnings,
            AuditAnnotations = annotations,
            Actions = actions,
        };
    }

    /// <summary>The metrics action of one guardrail's violations: deny, exception (covered by an active exception), warn or audit.</summary>
    private static string ActionOf(IEnumerable<GuardrailViolation> violations)
    {
        var list = violations.ToList();
        if (list.Any(v => v.Denies)) return "deny";
        if (list.All(v => v.ExceptionApplied)) return "exception";
        return list.Max(v => v.Action) == GuardrailAction.Warn ? "warn" : "audit";
    }

    /// <summary>
    /// The request's object as the engine reads it, straight from the review's JSON (no second parse, no source positions:
    /// a request has no file); null when apiVersion, kind or metadata is missing or a label or annotation is not a string.
    /// </summary>
    private static KubeObject? ObjectOf(JsonElement json)
    {
        if (!json.TryGetProperty("apiVersion", out var apiVersion) || apiVersion.ValueKind != JsonValueKind.String
            || !json.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String
            || !json.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
            return null;
        var name = metadata.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
        var ns = metadata.TryGetProperty("namespace", out var s) && s.ValueKind == JsonValueKind.String && s.GetString() is { Length: > 0 } text ? text : null;
        if (!StringMap(metadata, "labels", out var labels) || !StringMap(metadata, "annotations", out var annotations)) return null;
        return new KubeObject
        {
            Ref = new ResourceRef(apiVersion.GetString()!, kind.GetString()!, ns, name),
            Raw = json,
            Source = new SourceLocation(SourceName),
            Labels = labels,
            Annotations = annotations,
        };
    }

    private static bool StringMap(JsonElement metadata, string property, out IReadOnlyDictionary<string, string> map)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        map = values;
        if (!metadata.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null) return true;
        if (element.ValueKind != JsonValueKind.Object) return false;
        foreach (var entry in element.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String) return false;
            values[entry.Name] = entry.Value.GetString()!;
        }
        return true;
    }

    /// <summary>Kinds the guardrail library reads besides the pod-running ones of <see cref="PodSpecLocation"/>.</summary>
    private static bool GuardrailEngineKinds(GroupVersionKind kind) => kind.Group == "" && kind.Kind is "Service" or "Namespace";
}
