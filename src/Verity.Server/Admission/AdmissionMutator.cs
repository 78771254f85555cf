using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verity.Server.Admission;

/// <summary>
/// Computes the JSON Patch of <c>/mutate</c> (<see cref="MutationConfig"/>): absent secure defaults added to the pod spec of
/// Pods (CREATE only: a running pod's spec is immutable) and of workload pod templates (CREATE and UPDATE). Pure. Never
/// rejects: anything it does not handle (other operations, kinds, subresources, a missing spec) is allowed without a patch,
/// with the reason; the validating webhook judges the result.
/// </summary>
public static class AdmissionMutator
{
    public static MutationResult Mutate(AdmissionRequestInfo request, MutationConfig config)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(config);
        var location = PodSpecLocation.For(request.Kind);
        string? skip =
            !config.Any ? "no mutation is configured"
            : location is null ? $"{request.Kind} is not mutated: it runs no pod"
            : request.SubResource.Length > 0 ? $"subresource \"{request.SubResource}\" is not mutated"
            : request.Operation == AdmissionOperation.Create || request.Operation == AdmissionOperation.Update && !location.IsPod ? null
            : $"{request.Operation.ToString().ToUpperInvariant()} of {request.Kind} is not mutated";
        if (skip is not null) return new(AdmissionDecision.Skip(skip, "mutation"), []);
        if (request.Object is not { } obj || JsonPaths.Find(obj, location!.SpecPath) is not { ValueKind: JsonValueKind.Object } spec)
            return new(AdmissionDecision.Skip("no pod spec to mutate", "mutation"), []);

        var pointer = "/" + string.Join('/', location.SpecPath.Select(Escape));
        var patch = new List<JsonPatchOperation>();
        if (config.SeccompRuntimeDefault && !IsWindows(spec))
        {
            var profile = new JsonObject { ["type"] = "RuntimeDefault" };
            if (JsonPaths.Find(spec, ["securityContext"]) is not { ValueKind: JsonValueKind.Object } securityContext)
                patch.Add(new("add", pointer + "/securityContext", new JsonObject { ["seccompProfile"] = profile }));
            else if (JsonPaths.Find(securityContext, ["seccompProfile"]) is null)
                patch.Add(new("add", pointer + "/securityContext/seccompProfile", profile));
        }
        if (config.DisableServiceAccountTokenAutomount && JsonPaths.Find(spec, ["automountServiceAccountToken"]) is null)
            patch.Add(new("add", pointer + "/automountServiceAccountToken", JsonValue.Create(false)));

        var decision = new AdmissionDecision
        {
            Outcome = AdmissionOutcome.Allowed,
            Code = 200,
            Message = patch.Count == 0 ? "nothing to add" : "",
            Actions = [new("mutation", patch.Count == 0 ? "allow" : "patch")],
        };
        return new(decision, patch);
    }

    private static bool IsWindows(JsonElement spec) =>
        JsonPaths.Find(spec, ["os", "name"]) is { ValueKind: JsonValueKind.String } name && name.GetString() == "windows";

    /// <summary>RFC 6901 escaping of one reference token.</summary>
    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
