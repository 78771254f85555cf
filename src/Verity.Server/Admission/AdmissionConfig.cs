using Verity.Admission.Guardrails;
using Verity.Admission.Pss;
using Verity.Admission.Vap;

namespace Verity.Server.Admission;

/// <summary>
/// What the webhook enforces. The Pod Security levels are the defaults of every namespace; when
/// <see cref="NamespaceLabels"/> is given and knows the request's namespace, that namespace's
/// <c>pod-security.kubernetes.io/*</c> labels override them exactly as Pod Security Admission reads them
/// (<see cref="PssNamespacePolicy.FromLabels"/>).
/// </summary>
public sealed record AdmissionConfig
{
    /// <summary>Rejects pods and workloads that violate it. Default: baseline:latest.</summary>
    public PssLevelVersion Enforce { get; init; } = new(PssLevel.Baseline, PssVersion.Latest);

    /// <summary>Returns a warning to the client when violated. Default: restricted:latest.</summary>
    public PssLevelVersion Warn { get; init; } = new(PssLevel.Restricted, PssVersion.Latest);

    /// <summary>Adds an audit annotation when violated. Default: restricted:latest.</summary>
    public PssLevelVersion Audit { get; init; } = new(PssLevel.Restricted, PssVersion.Latest);

    /// <summary>
    /// The labels of a namespace by name, or null when unknown (then the defaults above apply). Must be fast and must not
    /// throw; it is called on the request path.
    /// </summary>
    public Func<string, IReadOnlyDictionary<string, string>?>? NamespaceLabels { get; init; }

    /// <summary>Requests Pod Security does not evaluate (PSA's exemptions); none by default.</summary>
    public PssExemptions Exemptions { get; init; } = PssExemptions.None;

    /// <summary>What <c>/mutate</c> adds; nothing by default.</summary>
    public MutationConfig Mutation { get; init; } = new();

    /// <summary>
    /// The guardrails (docs/guardrails.md) judged next to Pod Security, or null for Pod Security only (the library
    /// default, so embedding code opts in). <c>verity serve</c> always sets it: the <c>--config</c> file, else
    /// <see cref="GuardrailConfig.Default"/> (every guardrail audits).
    /// </summary>
    public GuardrailConfig? Guardrails { get; init; }

    /// <summary>
    /// ValidatingAdmissionPolicies and bindings judged after Pod Security and the guardrails (docs/vap.md), on every kind
    /// and operation the webhook is called for; null or empty: none.
    /// </summary>
    public VapPolicySet? Policies { get; init; }

    /// <summary>The params objects and namespaces <see cref="Policies"/> read; required when there are policies.</summary>
    public IVapInputs? PolicyInputs { get; init; }

    /// <summary>The clock that decides which guardrail exceptions are active (tests inject a fixed time).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public PssPolicy Defaults => new(Enforce, Audit, Warn);
}
