using Verity.Core.Model;

namespace Verity.Admission.Pss;

/// <summary>
/// The verdict on one Pod or one workload's pod template: the policy that applied (from <c>--level</c> or the namespace
/// labels) and the decision of each mode. <see cref="Enforce"/> decides; <see cref="Audit"/> and <see cref="Warn"/> are
/// what PSA would record and warn about.
/// </summary>
public sealed record PssResult(KubeObject Object, PssPolicy Policy, PssDecision Enforce, PssDecision Audit, PssDecision Warn)
{
    public string Namespace => Object.Namespace ?? "";
    public string Kind => Object.Kind;
    public string Name => Object.Name;

    /// <summary><c>namespace/kind/name</c> with the kind lower-case, e.g. <c>shop/deployment/web</c>.</summary>
    public string Resource => $"{Namespace}/{Kind.ToLowerInvariant()}/{Name}";

    public bool Allowed => Enforce.Allowed;
}
