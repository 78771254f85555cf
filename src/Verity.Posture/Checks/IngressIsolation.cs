using Verity.Core.Model;
using Verity.Network.Evaluation;

namespace Verity.Posture.Checks;

/// <summary>
/// VT-NET-002: a workload's pods accept connections from a source no policy names (a pod of an unrelated
/// namespace, an address outside the cluster) on a port no rule names. See <see cref="WorkloadIsolationCheck"/>
/// and <see cref="Isolation.IsolationAnalyzer"/> for the exact definition.
/// </summary>
internal sealed class IngressIsolation : WorkloadIsolationCheck
{
    public override string Id => "VT-NET-002";
    public override Severity Severity => Severity.Medium;
    public override string Title => "Workloads are isolated for ingress";
    protected override Direction Direction => Direction.Ingress;
}
