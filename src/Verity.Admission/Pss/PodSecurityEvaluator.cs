using k8s.Models;
using Verity.Admission.Pss.Checks;

namespace Verity.Admission.Pss;

/// <summary>
/// Evaluates pods and pod templates against the Pod Security Standards exactly as Pod Security Admission does
/// (https://kubernetes.io/docs/concepts/security/pod-security-standards/; upstream <c>k8s.io/pod-security-admission</c>
/// <c>policy/registry.go</c> and <c>admission/admission.go</c>): every check of the level in force at the version, in
/// upstream order, with upstream's reasons and details. Pure and thread-safe; <see cref="Default"/> knows every
/// version from v1.0 to <see cref="NewestVersion"/>.
/// </summary>
public sealed class PodSecurityEvaluator
{
    private readonly CheckRegistry _registry;

    private PodSecurityEvaluator(CheckRegistry registry) => _registry = registry;

    public static PodSecurityEvaluator Default { get; } = new(new CheckRegistry(AllChecks.List));

    /// <summary>The newest policy version the checks know (what <c>latest</c> means): v1.37.</summary>
    public PssVersion NewestVersion => PssVersion.V1(_registry.NewestMinor);

    /// <summary>A Pod, as PSA judges it on create (after API-server defaulting, see the README).</summary>
    public PssDecision EvaluatePod(PssLevelVersion policy, V1Pod pod) =>
        Evaluate(policy, pod.Metadata?.Annotations, pod.Spec ?? new V1PodSpec(), isPod: true);

    /// <summary>A workload's pod template (Deployment, Job…), as PSA judges it for warnings and audit.</summary>
    public PssDecision EvaluateTemplate(PssLevelVersion policy, V1PodTemplateSpec template) =>
        Evaluate(policy, template.Metadata?.Annotations, template.Spec ?? new V1PodSpec(), isPod: false);

    /// <summary>
    /// Pod metadata annotations and a pod spec. <paramref name="isPod"/> selects the defaulting that only Pods get
    /// (host-network ports). Privileged allows everything; a version newer than <see cref="NewestVersion"/> is
    /// evaluated as the newest (the decision keeps the version asked for).
    /// </summary>
    public PssDecision Evaluate(PssLevelVersion policy, IDictionary<string, string>? annotations, V1PodSpec spec, bool isPod)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (policy.Level == PssLevel.Privileged) return new PssDecision(policy, []);
        var pod = PodInput.From(annotations, PodDefaults.Apply(spec, isPod));
        var violations = new List<PssViolation>();
        foreach (var (id, check) in _registry.For(policy.Level, policy.Version.EffectiveMinor(_registry.NewestMinor)))
        {
            var result = check(pod);
            if (!result.Allowed) violations.Add(new PssViolation(id, result.Reason.Length == 0 ? "unknown forbidden reason" : result.Reason, result.Detail));
        }
        return new PssDecision(policy, violations);
    }
}
