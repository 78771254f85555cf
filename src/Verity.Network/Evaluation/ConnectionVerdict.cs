using Verity.Network.Model;

namespace Verity.Network.Evaluation;

/// <summary>
/// Whether <see cref="From"/> can open a connection to <see cref="To"/> on a port: it needs egress allowed at
/// the source and ingress allowed at the destination.
/// </summary>
public sealed record ConnectionVerdict(Endpoint From, Endpoint To, int Port, Protocol Protocol, DirectionVerdict Egress, DirectionVerdict Ingress)
{
    public bool Allowed => Egress.Allowed && Ingress.Allowed;
}
