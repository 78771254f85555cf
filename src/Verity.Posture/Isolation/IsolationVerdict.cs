using Verity.Network.Evaluation;

namespace Verity.Posture.Isolation;

/// <summary>
/// Whether an endpoint is isolated in one direction (see <see cref="IsolationAnalyzer"/> for the definition).
/// When it is not, <see cref="Evidence"/> says which probe got through on which ports (a predicate, e.g.
/// "accepts connections from … on any port — …", to follow the endpoint's name: verdicts are shared by
/// endpoints policies treat alike), and
/// <see cref="Reason"/> is the evaluator's deciding step for the first of them: a rule of a policy
/// (<see cref="ExplainStep.Policy"/> set) or Kubernetes' default allow (<see cref="DecisionTier.Default"/>).
/// </summary>
internal sealed record IsolationVerdict(bool Isolated, string? Evidence = null, ExplainStep? Reason = null)
{
    public static IsolationVerdict Yes { get; } = new(true);

    /// <summary>True when a policy rule let the probe through (as opposed to no policy deciding).</summary>
    public bool OpenedByRule => Reason?.Policy is not null;
}
