using System.Text.Json;
using Verity.Admission.Guardrails;
using Verity.Admission.Pss;
using Verity.Admission.Vap;
using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Cli.Admission;

/// <summary>
/// Judges every object of a snapshot as if it were being admitted: Pod Security Admission (by its namespace's
/// <c>pod-security.kubernetes.io/*</c> labels, see <see cref="PodSecurityAdmission"/>) and the guardrails of the policy
/// config, and the ValidatingAdmissionPolicies among the inputs (docs/vap.md). Objects are the kinds the guardrails read
/// (Pods, workloads, Services, Namespaces), in input order — and, when there are admission policies, every other object
/// except the policies and bindings themselves. PSA judges Pods and the pod template of each workload at the top of its owner chain.
/// </summary>
internal sealed class AdmissionEvaluator(GuardrailEngine guardrails, VapPolicySet? policies = null)
{
    private readonly VapPolicySet _policies = policies ?? VapPolicySet.Empty;

    public IReadOnlyList<AdmissionVerdict> Evaluate(Snapshot snapshot, AdmissionOperation operation, IReadOnlyList<KubeObject> old)
    {
        // With admission policies among the inputs every other object is admitted too (a policy may match any kind).
        var objects = snapshot.Objects
            .Where(o => GuardrailEngine.IsEvaluated(o) || (_policies.PolicyCount > 0 && !VapCompiler.IsPolicyObject(o)))
            .ToList();
        var vapInputs = VapObjectInputs.FromSnapshot(snapshot);
        if (operation == AdmissionOperation.Delete)
        {
            // Pod Security Admission and the guardrails do not judge deletions; admission policies may.
            if (_policies.PolicyCount == 0) return objects.Select(o => new AdmissionVerdict(o) { Note = "DELETE: not evaluated, allowed" }).ToList();
            return objects.Select(o =>
            {
                var builder = new AdmissionVerdictBuilder();
                AddPolicies(_policies.Evaluate(VapRequests.For(o, "DELETE"), vapInputs), o, builder);
                return builder.Build(o);
            }).ToList();
        }

        var pods = snapshot.Pods.GroupBy(p => p.Object.Ref).ToDictionary(g => g.Key, g => g.Last().Value);
        var templates = snapshot.Workloads.Where(w => w.Kind != "Pod").GroupBy(w => w.Ref).ToDictionary(g => g.Key, g => g.Last().Template);
        var oldByRef = old.GroupBy(o => o.Ref).ToDictionary(g => g.Key, g => g.Last());
        var verdicts = new List<AdmissionVerdict>();
        foreach (var obj in objects)
        {
            var builder = new AdmissionVerdictBuilder();
            string? note = null;
            var labels = obj.Namespace is { } ns ? snapshot.Namespace(ns)?.Labels : null;
            var policy = PssNamespacePolicy.FromLabels(labels ?? new Dictionary<string, string>(), PssPolicy.Privileged);
            if (pods.TryGetValue(obj.Ref, out var pod))
            {
                if (operation == AdmissionOperation.Update && oldByRef.TryGetValue(obj.Ref, out var previous) && SameSpec(obj, previous))
                    note = "UPDATE leaves the pod spec unchanged: Pod Security Admission allows it without evaluating";
                else PodSecurityAdmission.JudgePod(policy, pod, obj, builder);
            }
            else if (templates.TryGetValue(obj.Ref, out var template))
            {
                PodSecurityAdmission.JudgeTemplate(policy, template, obj, builder);
            }
            if (GuardrailEngine.IsEvaluated(obj)) AddGuardrails(guardrails.Evaluate(new GuardrailInput(obj, labels)), builder);
            if (_policies.PolicyCount > 0)
            {
                var request = VapRequests.For(obj, operation.ToString().ToUpperInvariant(), oldByRef.GetValueOrDefault(obj.Ref));
                AddPolicies(_policies.Evaluate(request, vapInputs), obj, builder);
            }
            verdicts.Add(builder.Build(obj, note));
        }
        return verdicts;
    }

    /// <summary>A Deny is a violation (action <c>Deny</c>, the API server's message); Warn a warning; Audit an audit annotation.</summary>
    private static void AddPolicies(VapResult result, KubeObject obj, AdmissionVerdictBuilder into)
    {
        foreach (var denial in result.Decisions.Where(d => d.Action == "Deny"))
        {
            into.Violations.Add(new AdmissionViolation(denial.Policy, GuardrailAction.Enforce, denial.Text, obj.Source)
            {
                Binding = denial.Binding,
                ActionName = "Deny",
            });
        }
        into.Warnings.AddRange(result.Warnings);
        foreach (var (key, value) in result.AuditAnnotations) into.AuditAnnotations[key] = value;
    }

    private static void AddGuardrails(GuardrailResult result, AdmissionVerdictBuilder into)
    {
        foreach (var violation in result.Violations.Where(v => !v.ExceptionApplied))
            into.Violations.Add(new AdmissionViolation(violation.Policy, violation.Action, violation.Message, violation.Location) { Field = violation.Field });
        into.Warnings.AddRange(result.Warnings);
        foreach (var (key, value) in result.AuditAnnotations) into.AuditAnnotations[key] = value;
        foreach (var error in result.Errors) into.Warnings.Add($"could not evaluate guardrails: {error}");
    }

    /// <summary>
    /// True when the pod spec of both versions is the same JSON. A simplification of upstream's
    /// <c>isSignificantPodUpdate</c> (which looks at images and seccomp annotations, the pod-spec fields an update may change).
    /// </summary>
    private static bool SameSpec(KubeObject current, KubeObject previous) =>
        current.Raw.TryGetProperty("spec", out var spec) && previous.Raw.TryGetProperty("spec", out var oldSpec)
            ? JsonElement.DeepEquals(spec, oldSpec)
            : !current.Raw.TryGetProperty("spec", out _) && !previous.Raw.TryGetProperty("spec", out _);
}
