using Verity.Network.Evaluation;
using Verity.Network.Model;

namespace Verity.Cli.Netpol;

/// <summary>The words <c>can</c> and <c>explain</c> use for tiers and for what decided a direction.</summary>
internal static class VerdictWords
{
    public static string Tier(DecisionTier tier) => tier switch
    {
        DecisionTier.Admin => "Admin tier",
        DecisionTier.NetworkPolicy => "NetworkPolicy",
        DecisionTier.Baseline => "Baseline tier",
        DecisionTier.Default => "Default",
        _ => "Not subject to policy",
    };

    public static string Direction(Direction direction) => direction == Network.Evaluation.Direction.Egress ? "egress" : "ingress";

    /// <summary>
    /// What decided a direction, starting with "allowed" or "denied": "denied by ClusterNetworkPolicy no-dev
    /// (Admin tier)", "allowed by NetworkPolicy prod/web", "allowed by default (no policy decided)".
    /// </summary>
    public static string Summary(DirectionVerdict verdict, Endpoint subject)
    {
        var outcome = verdict.Allowed ? "allowed" : "denied";
        var last = verdict.Steps.Count > 0 ? verdict.Steps[^1] : null;
        return verdict.DecidedBy switch
        {
            DecisionTier.Default => "allowed by default (no policy decided)",
            DecisionTier.NotApplicable => subject.Kind == EndpointKind.External ? $"{outcome} (outside the cluster: no policy applies)"
                : subject.HostNetwork ? $"{outcome} (host-network pod: NetworkPolicy does not apply)"
                : $"{outcome} ({last?.Message})",
            DecisionTier.NetworkPolicy when last?.Policy is null => Isolated(verdict),
            DecisionTier.NetworkPolicy => $"{outcome} by {last.Policy}",
            _ => $"{outcome} by {last?.Policy} ({Tier(verdict.DecidedBy)})",
        };
    }

    /// <summary>Denied because NetworkPolicies isolate the endpoint and none of their rules allows the connection.</summary>
    private static string Isolated(DirectionVerdict verdict)
    {
        var policies = verdict.Steps.Where(s => s.Tier == DecisionTier.NetworkPolicy && s.Policy is not null).Select(s => s.Policy).Distinct().ToList();
        return policies.Count == 1
            ? $"denied by {policies[0]} (isolated; no rule allows this)"
            : $"denied by NetworkPolicy isolation ({policies.Count} policies select it; no rule allows this)";
    }
}
