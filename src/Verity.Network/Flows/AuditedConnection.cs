using Verity.Network.Evaluation;

namespace Verity.Network.Flows;

/// <summary>
/// An observed connection judged against the current policies: <see cref="Allowed"/>, the direction and tier that
/// decided it (for a denial, the direction that denied — egress first; for an allowance, the direction a policy
/// decided, ingress first, else the Kubernetes default), the policy or policies named by that decision (null when no
/// policy decided), and the namespaces whose namespace-wide default-deny would drop it although it is allowed today
/// (the source's namespace for egress, the destination's for ingress; sorted).
/// </summary>
public sealed record AuditedConnection(
    ObservedConnection Observed,
    bool Allowed,
    Direction Direction,
    DecisionTier DecidedBy,
    string? Policy,
    IReadOnlyList<string> BrokenByDefaultDeny);
