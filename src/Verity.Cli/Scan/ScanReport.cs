using Verity.Admission.Guardrails;
using Verity.Core.Model;
using Verity.Network.Flows;
using Verity.Posture.Scoring;

namespace Verity.Cli.Scan;

/// <summary>
/// What <c>verity scan</c> decided: the scorecard of the valid objects, every input problem, and whether
/// the input held no object at all (<see cref="EmptyInput"/>: a wrong path must not pass a CI gate silently).
/// <see cref="Traffic"/> is the audit of the observed flows given with <c>--flows</c> (null without them);
/// <see cref="Guardrails"/> the admission guardrails under <c>--config</c>; <see cref="AdmissionPolicies"/> the
/// ValidatingAdmissionPolicies found among the inputs.
/// </summary>
internal sealed record ScanReport(Scorecard Scorecard, IReadOnlyList<Diagnostic> Diagnostics, bool EmptyInput = false)
{
    public FlowAuditReport? Traffic { get; init; }

    /// <summary>The guardrail results of every object under the <c>--config</c> policy config (null without it).</summary>
    public IReadOnlyList<GuardrailResult>? Guardrails { get; init; }

    /// <summary>The ValidatingAdmissionPolicies among the inputs and what they decide (null when there are none).</summary>
    public Output.AdmissionPolicyReport? AdmissionPolicies { get; init; }

    /// <summary>The SPIFFE ID each workload's service account gives it, per namespace (docs/identity.md).</summary>
    public IReadOnlyList<Verity.Identity.Workloads.ServiceAccountIdentity> Identities { get; init; } = [];

    /// <summary>The trust domain of <see cref="Identities"/>.</summary>
    public string TrustDomain { get; init; } = "cluster.local";

    public bool HasInputErrors => EmptyInput || Diagnostics.Any(d => d.Level == DiagnosticLevel.Error);
}
