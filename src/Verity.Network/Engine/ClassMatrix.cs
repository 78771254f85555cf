using Verity.Network.Evaluation;
using Verity.Network.Model;

namespace Verity.Network.Engine;

/// <summary>
/// The verdict for every ordered pair of endpoint classes on up to 64 ports, computed in bulk
/// (<see cref="ReachabilityMatrix.ComputeClassMatrix"/>): egress of every class towards every class, ingress of
/// every class from every class, then their conjunction. A class pair's mask holds for every two
/// <em>distinct</em> members; an endpoint and itself are always allowed (<see cref="Mask"/> applies that rule).
/// Equal to <see cref="ReachabilityEngine.AllowedMask"/> for every pair; it only costs less per pair.
/// </summary>
public sealed class ClassMatrix
{
    private readonly ReachabilityEngine _engine;
    private readonly ulong[] _masks;

    internal ClassMatrix(ReachabilityEngine engine, IReadOnlyList<PortKey> ports)
    {
        if (ports.Count > 64) throw new ArgumentException("at most 64 ports per class matrix", nameof(ports));
        _engine = engine;
        Ports = [.. ports];
        var index = engine.PeerClassIndex();
        var egress = engine.DirectionMatrix(Direction.Egress, Ports, index);
        var ingress = engine.DirectionMatrix(Direction.Ingress, Ports, index);
        var n = ClassCount = engine.Classes.Count;
        // allowed(s → d) = egress at s towards d AND ingress at d from s; written over the egress matrix.
        for (var s = 0; s < n; s++)
        {
            var row = egress.AsSpan(s * n, n);
            for (var d = 0; d < n; d++) row[d] &= ingress[(long)d * n + s];
        }
        _masks = egress;
    }

    public IReadOnlyList<PortKey> Ports { get; }

    /// <summary>The number of classes covered: every class the engine knew when the matrix was computed.</summary>
    public int ClassCount { get; }

    /// <summary>The number of class pairs decided.</summary>
    public long ClassPairs => (long)ClassCount * ClassCount;

    /// <summary>Bit i is set when a member of class <paramref name="from"/> may reach a (different) member of class <paramref name="to"/> on <see cref="Ports"/>[i].</summary>
    public ulong ClassMask(int from, int to) => _masks[(long)from * ClassCount + to];

    /// <summary>As <see cref="ReachabilityEngine.AllowedMask"/> on <see cref="Ports"/>, for endpoints whose classes are in the matrix.</summary>
    public ulong Mask(Endpoint from, Endpoint to)
    {
        var all = Ports.Count == 64 ? ulong.MaxValue : (1UL << Ports.Count) - 1;
        if (from.Kind != EndpointKind.External && from.Id == to.Id) return all;
        var a = _engine.ClassOf(from).Id;
        var b = _engine.ClassOf(to).Id;
        if (a >= ClassCount || b >= ClassCount) return _engine.AllowedMask(from, to, Ports);
        return ClassMask(a, b);
    }
}
