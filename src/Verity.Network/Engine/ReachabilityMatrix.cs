using Verity.Network.Model;

namespace Verity.Network.Engine;

/// <summary>
/// Every ordered pair of endpoints, on the given ports — or, without ports, on the ports each destination
/// declares (a destination declaring none is listed on no port). Work is done once per pair of
/// <see cref="EndpointClass"/>es and shared by all their members; the result streams in endpoint order.
/// </summary>
public static class ReachabilityMatrix
{
    public static IEnumerable<Connection> Compute(ReachabilityEngine engine, IReadOnlyList<Endpoint> endpoints, IReadOnlyList<PortKey>? ports = null)
    {
        var memo = new Dictionary<(int, int), (PortKey[] Ports, ulong[] Masks)>();
        foreach (var from in endpoints)
        {
            var fromClass = engine.ClassOf(from).Id;
            foreach (var to in endpoints)
            {
                var toClass = engine.ClassOf(to).Id;
                if (!memo.TryGetValue((fromClass, toClass), out var result))
                {
                    var list = ports ?? DeclaredPorts(to);
                    result = (list.ToArray(), Masks(engine, from, to, list));
                    if (from.Id != to.Id) memo[(fromClass, toClass)] = result;
                }
                for (var i = 0; i < result.Ports.Length; i++)
                    yield return new Connection(from, to, result.Ports[i], (result.Masks[i / 64] >> (i % 64) & 1) == 1);
            }
        }
    }

    /// <summary>
    /// The verdict for every pair of classes of <paramref name="endpoints"/> on <paramref name="ports"/> (at most
    /// 64), computed in bulk rather than pair by pair; a full endpoint matrix reads it with
    /// <see cref="ClassMatrix.Mask"/>.
    /// </summary>
    public static ClassMatrix ComputeClassMatrix(ReachabilityEngine engine, IReadOnlyList<Endpoint> endpoints, IReadOnlyList<PortKey> ports)
    {
        foreach (var endpoint in endpoints) engine.ClassOf(endpoint);
        return new ClassMatrix(engine, ports);
    }

    public static IReadOnlyList<PortKey> DeclaredPorts(Endpoint endpoint) =>
        endpoint.Ports.Select(p => new PortKey(p.Number, p.Protocol)).Distinct().OrderBy(p => p.Port).ThenBy(p => p.Protocol).ToList();

    internal static ulong[] Masks(ReachabilityEngine engine, Endpoint from, Endpoint to, IReadOnlyList<PortKey> ports)
    {
        var masks = new ulong[(ports.Count + 63) / 64];
        for (var chunk = 0; chunk < masks.Length; chunk++)
        {
            var slice = ports.Skip(chunk * 64).Take(64).ToList();
            masks[chunk] = engine.AllowedMask(from, to, slice);
        }
        return masks;
    }
}
