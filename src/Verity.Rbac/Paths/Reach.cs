using Verity.Rbac.Risks;

namespace Verity.Rbac.Paths;

/// <summary>
/// An edge to every service account of a namespace (<see cref="Namespace"/> null: of every namespace),
/// or only to those workloads there run as (<see cref="WorkloadAccountsOnly"/>), kept as one entry so
/// that a cluster-wide grant does not become thousands of edges. <see cref="EscalationGraph.OutOf"/>
/// expands it.
/// </summary>
internal sealed record Reach(string? Namespace, bool WorkloadAccountsOnly, string Risk, string Scope, IReadOnlyList<RiskEvidence> Evidence);
