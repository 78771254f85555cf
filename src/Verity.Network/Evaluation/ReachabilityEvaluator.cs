using Verity.Network.Model;
using Verity.Network.Policies;

namespace Verity.Network.Evaluation;

/// <summary>
/// Decides one connection exactly as specified, and says why. Each direction is decided on its own —
/// egress at the source, ingress at the destination — through the tiers of the network-policy-api
/// (apis/v1alpha2 ClusterNetworkPolicySpec.Tier): Admin cluster policies by priority and rule order
/// (Accept and Deny are final, Pass skips the rest of the tier); then NetworkPolicy, which decides for
/// every pod it selects in that direction (allowed if any rule of any selecting policy allows; policies
/// are additive); then Baseline cluster policies; then the default, allow. A pod can always reach itself.
/// This is the obviously-correct reference: it walks every policy for every query.
/// </summary>
public static class ReachabilityEvaluator
{
    public static ConnectionVerdict Evaluate(NetworkModel model, Endpoint from, Endpoint to, int port, Protocol protocol)
    {
        if (from.Kind != EndpointKind.External && from.Id == to.Id)
        {
            var self = new DirectionVerdict(Direction.Egress, true, DecisionTier.NotApplicable, [new(DecisionTier.NotApplicable, null, "a pod can always reach itself")]);
            return new ConnectionVerdict(from, to, port, protocol, self, self with { Direction = Direction.Ingress });
        }
        return new ConnectionVerdict(from, to, port, protocol,
            Decide(model, Direction.Egress, subject: from, peer: to, destination: to, port, protocol),
            Decide(model, Direction.Ingress, subject: to, peer: from, destination: to, port, protocol));
    }

    private static DirectionVerdict Decide(NetworkModel model, Direction direction, Endpoint subject, Endpoint peer, Endpoint destination, int port, Protocol protocol)
    {
        var steps = new List<ExplainStep>();
        if (subject.Kind == EndpointKind.External)
            return Final(direction, true, DecisionTier.NotApplicable, steps, null, $"{subject.Id} is outside the cluster: no policy applies to its {Word(direction)}");
        if (subject.HostNetwork)
            return Final(direction, true, DecisionTier.NotApplicable, steps, null, $"{subject.Id} uses the host network: NetworkPolicy does not apply to it");

        var options = model.Options;
        if (ClusterTierDecision(model, ClusterTier.Admin, direction, subject, peer, destination, port, protocol, steps) is bool admin)
            return new DirectionVerdict(direction, admin, DecisionTier.Admin, steps);

        var selecting = model.Policies.NetworkPolicies
            .Where(p => p.Namespace == subject.Namespace && (direction == Direction.Ingress ? p.AffectsIngress : p.AffectsEgress) && p.PodSelector.Matches(subject.Labels))
            .ToList();
        if (selecting.Count > 0)
        {
            foreach (var policy in selecting)
            {
                var rules = direction == Direction.Ingress ? policy.Ingress : policy.Egress;
                var name = $"NetworkPolicy {policy.Namespace}/{policy.Name}";
                if (rules.Count == 0) steps.Add(new(DecisionTier.NetworkPolicy, name, $"selects {subject.Id} for {Word(direction)} and allows nothing"));
                foreach (var rule in rules)
                {
                    var peerMatch = rule.Peers.Count == 0 ? "any peer" : rule.Peers.FirstOrDefault(p => p.Matches(peer, options))?.Describe();
                    var portMatch = rule.Ports.Count == 0 ? "any port" : rule.Ports.FirstOrDefault(p => p.Matches(destination, port, protocol))?.ToString();
                    if (peerMatch is not null && portMatch is not null)
                        return Final(direction, true, DecisionTier.NetworkPolicy, steps, name, $"{Word(direction)} rule #{rule.Index} allows it ({PeerWord(direction)} {peerMatch}; port {portMatch})");
                    steps.Add(new(DecisionTier.NetworkPolicy, name, $"{Word(direction)} rule #{rule.Index} does not match: {Miss(rule.Peers, peerMatch, rule.Ports, portMatch, peer, direction, port, protocol)}"));
                }
            }
            return Final(direction, false, DecisionTier.NetworkPolicy, steps, null,
                $"{subject.Id} is isolated for {Word(direction)} by {string.Join(", ", selecting.Select(p => p.Name))} and no rule allows this connection");
        }
        steps.Add(new(DecisionTier.NetworkPolicy, null, $"no NetworkPolicy selects {subject.Id} for {Word(direction)}"));

        if (ClusterTierDecision(model, ClusterTier.Baseline, direction, subject, peer, destination, port, protocol, steps) is bool baseline)
            return new DirectionVerdict(direction, baseline, DecisionTier.Baseline, steps);
        return Final(direction, true, DecisionTier.Default, steps, null, "no policy decided: Kubernetes allows by default");
    }

    /// <summary>Walks one cluster tier; returns the verdict when a rule is final (Accept/Deny), null to continue.</summary>
    private static bool? ClusterTierDecision(NetworkModel model, ClusterTier tier, Direction direction, Endpoint subject, Endpoint peer,
        Endpoint destination, int port, Protocol protocol, List<ExplainStep> steps)
    {
        var decisionTier = tier == ClusterTier.Admin ? DecisionTier.Admin : DecisionTier.Baseline;
        foreach (var policy in model.Policies.ClusterPolicies.Where(p => p.Tier == tier))
        {
            var rules = direction == Direction.Ingress ? policy.Ingress : policy.Egress;
            if (rules.Count == 0 || !policy.Subject.Matches(subject, model.Options)) continue;
            foreach (var rule in rules)
            {
                var peerMatch = rule.Peers.FirstOrDefault(p => p.Matches(peer, model.Options))?.Describe();
                var portMatch = rule.Ports.Count == 0 ? "any port" : rule.Ports.FirstOrDefault(p => p.Matches(destination, port, protocol))?.ToString();
                if (peerMatch is null || portMatch is null)
                {
                    steps.Add(new(decisionTier, policy.Display, $"{Word(direction)} rule {rule.Label} ({rule.Action}) does not match: {Miss(rule.Peers, peerMatch, rule.Ports, portMatch, peer, direction, port, protocol)}"));
                    continue;
                }
                var what = $"{Word(direction)} rule {rule.Label} matches ({PeerWord(direction)} {peerMatch}; port {portMatch})";
                switch (rule.Action)
                {
                    case ClusterAction.Accept:
                        steps.Add(new(decisionTier, policy.Display, $"{what}: Accept"));
                        return true;
                    case ClusterAction.Deny:
                        steps.Add(new(decisionTier, policy.Display, $"{what}: Deny"));
                        return false;
                    default:
                        steps.Add(new(decisionTier, policy.Display, $"{what}: Pass — the rest of the {tier} tier is skipped"));
                        return null;
                }
            }
        }
        return null;
    }

    private static string Miss(IReadOnlyList<Peer> peers, string? peerMatch, IReadOnlyList<PortMatcher> ports, string? portMatch, Endpoint peer,
        Direction direction, int port, Protocol protocol)
    {
        var reasons = new List<string>();
        if (peerMatch is null)
            reasons.Add(peers.Count == 0 ? "it lists no peer" : $"{peer.Id} is not among {string.Join(" or ", peers.Select(p => p.Describe()))}");
        if (portMatch is null)
            reasons.Add($"port {port}/{protocol} is not among {string.Join(", ", ports)}");
        return string.Join("; ", reasons);
    }

    private static DirectionVerdict Final(Direction direction, bool allowed, DecisionTier tier, List<ExplainStep> steps, string? policy, string message)
    {
        steps.Add(new ExplainStep(tier, policy, message));
        return new DirectionVerdict(direction, allowed, tier, steps);
    }

    private static string Word(Direction direction) => direction == Direction.Ingress ? "ingress" : "egress";

    private static string PeerWord(Direction direction) => direction == Direction.Ingress ? "from" : "to";
}
