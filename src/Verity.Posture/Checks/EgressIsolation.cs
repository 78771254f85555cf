using Verity.Core.Model;
using Verity.Network.Evaluation;

namespace Verity.Posture.Checks;

/// <summary>
/// VT-NET-003: a workload's pods can connect to a destination no policy names (a pod of an unrelated
/// namespace, an address outside the cluster) on a port no rule names. Lower severity than ingress: open
/// egress helps an attacker who is already in, it does not let one in. See <see cref="WorkloadIsolationCheck"/>.
/// </summary>
internal sealed class EgressIsolation : WorkloadIsolationCheck
{
    public override string Id => "VT-NET-003";
    public override Severity Severity => Severity.Low;
    public override string Title => "Workloads are isolated for egress";
    protected override Direction Direction => Direction.Egress;
}
