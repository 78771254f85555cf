using Verity.Network.Model;

namespace Verity.Network.Engine;

/// <summary>
/// Endpoints that every policy treats alike: same kind, namespace, labels, namespace labels, declared ports
/// and the same answers to every address range. One evaluation answers for all members.
/// For each direction it holds the rules that apply when a member is the subject (cluster rules in
/// precedence order; NetworkPolicy rules of the policies selecting it, and whether any does).
/// </summary>
internal sealed class EndpointClass(int id, Endpoint representative)
{
    public int Id { get; } = id;
    public Endpoint Representative { get; } = representative;
    public bool Exempt => !Representative.IsPolicyTarget;

    /// <summary>Id of this class's declared container ports among the engine's distinct port lists (named ports resolve on it).</summary>
    public int PortsId { get; set; }

    /// <summary>A bit per global peer index: does this class match it? (A bit set: 35,000 peers cost 4.4 KB a class.)</summary>
    public ulong[] PeerBits { get; set; } = [];

    public bool MatchesPeer(int index) => (PeerBits[index >> 6] >> (index & 63) & 1) != 0;

    public CompiledRule[] AdminEgress { get; set; } = [];
    public CompiledRule[] AdminIngress { get; set; } = [];
    public CompiledRule[] BaselineEgress { get; set; } = [];
    public CompiledRule[] BaselineIngress { get; set; } = [];
    public CompiledRule[] PolicyEgress { get; set; } = [];
    public CompiledRule[] PolicyIngress { get; set; } = [];
    public bool EgressIsolated { get; set; }
    public bool IngressIsolated { get; set; }
}
