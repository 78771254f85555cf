using Verity.Network.Engine;
using Verity.Network.Model;

namespace Verity.Cli.Netpol;

/// <summary>
/// The ports <c>matrix</c> and <c>diff</c> look at: the <c>--port</c> numbers (with <c>--protocol</c>, TCP by
/// default), or — without <c>--port</c> — the ports each destination declares, restricted to <c>--protocol</c> if given.
/// </summary>
internal sealed record PortSelection(IReadOnlyList<int> Ports, Protocol? Protocol)
{
    /// <summary>The explicit ports in order, or null for "each destination's declared ports".</summary>
    public IReadOnlyList<PortKey>? Keys => Ports.Count == 0 ? null
        : Ports.Distinct().Order().Select(p => new PortKey(p, Protocol ?? Network.Model.Protocol.TCP)).ToList();

    /// <summary>Whether a connection on <paramref name="port"/> is one the user asked for.</summary>
    public bool Includes(PortKey port) => Ports.Count > 0 || Protocol is null || port.Protocol == Protocol;
}
