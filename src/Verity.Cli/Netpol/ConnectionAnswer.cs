using Verity.Network.Engine;
using Verity.Network.Evaluation;

namespace Verity.Cli.Netpol;

/// <summary>
/// The answer to one connection question: <see cref="Allowed"/> from the <see cref="ReachabilityEngine"/> (the fast
/// path every other command uses), the reasons per direction from the <see cref="ReachabilityEvaluator"/> (the
/// reference that records each step). The two are checked against each other in the engine's property tests.
/// </summary>
internal sealed record ConnectionAnswer(ConnectionQuery Query, bool Allowed, ConnectionVerdict Verdict)
{
    public static ConnectionAnswer For(NetworkModel model, ConnectionQuery query)
    {
        var engine = new ReachabilityEngine(model);
        var allowed = engine.Allowed(query.From, query.To, new PortKey(query.Port, query.Protocol));
        return new ConnectionAnswer(query, allowed, ReachabilityEvaluator.Evaluate(model, query.From, query.To, query.Port, query.Protocol));
    }
}
