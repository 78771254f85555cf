using k8s.Models;
using Verity.Admission.Guardrails;
using Verity.Admission.Pss;
using Verity.Core.Model;

namespace Verity.Cli.Admission;

/// <summary>
/// Pod Security Admission's answer for one request, as upstream <c>k8s.io/pod-security-admission</c>
/// <c>admission/admission.go</c> (<c>EvaluatePod</c>) builds it:
/// <list type="bullet">
/// <item>a Pod is denied when its namespace's enforce level rejects it (<c>violates PodSecurity "L:V": …</c>); its audit
/// level records <c>pod-security.kubernetes.io/audit-violations: would violate PodSecurity "L:V": …</c>; its warn level
/// adds the warning <c>would violate PodSecurity "L:V": …</c> only when the pod is not denied (upstream does not warn on a
/// request it rejects);</item>
/// <item>a workload's pod template is never denied: PSA applies its audit and warn levels only. Verity also warns when
/// the enforce level would reject the template's pods (same text, the enforce level named), because the controller's
/// pods would be refused — a deliberate addition to what PSA says.</item>
/// </list>
/// Not modelled: PSA exemptions, the <c>enforce-policy</c> and <c>error</c> audit annotations.
/// </summary>
internal static class PodSecurityAdmission
{
    public const string AuditAnnotation = "pod-security.kubernetes.io/audit-violations";

    public static void JudgePod(PssPolicy policy, V1Pod pod, KubeObject obj, AdmissionVerdictBuilder into)
    {
        var evaluator = PodSecurityEvaluator.Default;
        var enforce = evaluator.EvaluatePod(policy.Enforce, pod);
        if (!enforce.Allowed) into.Violations.Add(new AdmissionViolation(AdmissionViolation.PodSecurity, GuardrailAction.Enforce, enforce.Message, obj.Source));
        Audit(evaluator.EvaluatePod(policy.Audit, pod), obj, into);
        if (enforce.Allowed) Warn(evaluator.EvaluatePod(policy.Warn, pod), obj, into);
    }

    public static void JudgeTemplate(PssPolicy policy, V1PodTemplateSpec template, KubeObject obj, AdmissionVerdictBuilder into)
    {
        var evaluator = PodSecurityEvaluator.Default;
        Audit(evaluator.EvaluateTemplate(policy.Audit, template), obj, into);
        Warn(evaluator.EvaluateTemplate(policy.Warn, template), obj, into);
        if (policy.Enforce != policy.Warn) Warn(evaluator.EvaluateTemplate(policy.Enforce, template), obj, into);
    }

    private static void Audit(PssDecision decision, KubeObject obj, AdmissionVerdictBuilder into)
    {
        if (decision.Allowed) return;
        var text = WouldViolate(decision);
        into.Violations.Add(new AdmissionViolation(AdmissionViolation.PodSecurity, GuardrailAction.Audit, text, obj.Source));
        into.AuditAnnotations[AuditAnnotation] = text;
    }

    /// <summary>Upstream's audit and warning text: <c>would violate PodSecurity "restricted:latest": …</c>.</summary>
    private static string WouldViolate(PssDecision decision) => $"would violate PodSecurity \"{decision.Policy}\": {decision.ForbiddenDetail}";

    private static void Warn(PssDecision decision, KubeObject obj, AdmissionVerdictBuilder into)
    {
        if (decision.Allowed) return;
        var text = WouldViolate(decision);
        if (into.Warnings.Contains(text)) return;
        into.Violations.Add(new AdmissionViolation(AdmissionViolation.PodSecurity, GuardrailAction.Warn, text, obj.Source));
        into.Warnings.Add(text);
    }
}
