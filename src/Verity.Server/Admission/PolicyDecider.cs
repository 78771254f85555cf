using Verity.Admission.Vap;

namespace Verity.Server.Admission;

/// <summary>
/// Adds the ValidatingAdmissionPolicies of <see cref="AdmissionConfig.Policies"/> to the decision of Pod Security and the
/// guardrails (docs/vap.md, "In the webhook"). Every request is judged — any kind, any operation, subresources — as the
/// API server judges it: denied when a policy binding denies (the first denial's text and status code, after any Pod
/// Security or guardrail denial), its warnings added, its audit annotations added under their own keys. An earlier error
/// stays an error: the webhook fails closed.
/// </summary>
internal static class PolicyDecider
{
    public static AdmissionDecision Combine(AdmissionDecision decision, AdmissionRequestInfo request, AdmissionConfig config, VapPolicySet policies)
    {
        if (decision.Outcome == AdmissionOutcome.Error) return decision;
        if (config.PolicyInputs is not { } inputs)
            return AdmissionDecision.Fail("verity: admission policies are configured without their inputs; denied (the webhook fails closed)", "policies");

        var result = policies.Evaluate(ToVapRequest(request), inputs);
        if (result.Decisions.Count == 0 && result.AuditAnnotations.Count == 0) return decision;

        var annotations = new Dictionary<string, string>(decision.AuditAnnotations, StringComparer.Ordinal);
        foreach (var (key, value) in result.AuditAnnotations) annotations[key] = value;
        var actions = decision.Actions
            .Concat(result.Decisions.Select(d => new PolicyAction(d.Policy, d.Action.ToLowerInvariant())))
            .ToList();
        var wasDenied = decision.Outcome == AdmissionOutcome.Denied;
        var denial = result.FirstDenial;
        return decision with
        {
            Outcome = wasDenied || denial is not null ? AdmissionOutcome.Denied : decision.Outcome,
            Code = wasDenied ? decision.Code : denial?.Code ?? decision.Code,
            Reason = wasDenied ? decision.Reason : denial?.Reason ?? decision.Reason,
            Message = denial is null ? decision.Message : wasDenied ? $"{decision.Message}; {denial.Text}" : denial.Text,
            Warnings = [.. decision.Warnings, .. result.Warnings],
            AuditAnnotations = annotations,
            Actions = actions,
        };
    }

    /// <summary>The attributes a policy sees; the resource is the review's, else guessed from the kind.</summary>
    internal static VapRequest ToVapRequest(AdmissionRequestInfo request) => new()
    {
        Operation = request.Operation.ToString().ToUpperInvariant(),
        Group = request.Kind.Group,
        Version = request.Kind.Version,
        Kind = request.Kind.Kind,
        Resource = request.Resource.Length > 0 ? request.Resource : KindResources.ResourceOf(request.Kind.Kind),
        SubResource = request.SubResource,
        Name = request.Name,
        // The API server sets a Namespace object's namespace to its own name; VapRequest keeps "" for it.
        Namespace = request.Kind is { Group: "", Kind: "Namespace" } ? "" : request.Namespace,
        Object = request.Object,
        OldObject = request.OldObject,
        UserInfo = new VapUserInfo(request.UserInfo.Username, request.UserInfo.Uid, request.UserInfo.Groups),
        DryRun = request.DryRun,
    };
}
