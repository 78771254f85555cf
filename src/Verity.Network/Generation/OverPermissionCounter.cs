using System.Numerics;
using Verity.Network.Engine;
using Verity.Network.Evaluation;
using Verity.Network.Flows;
using Verity.Network.Model;

namespace Verity.Network.Generation;

/// <summary>
/// The over-permission half of the proof: for every ordered pair of distinct workloads the generated policies
/// govern (destination in a generated namespace, or the source when egress is restricted), on each port the
/// destination declares that was never observed between them, is the connection allowed? One endpoint stands for
/// each workload (a pod of it, else its template), as the flow mapper picks them. Verdicts come from
/// <see cref="ClassMatrix"/> — equal to <see cref="ReachabilityEngine.AllowedMask"/> for every pair — over the union
/// of declared ports in chunks of 64, so 5,000 workloads (25 million pairs) cost a bulk matrix and a bit test per
/// pair rather than an engine query per pair and port. Results are grouped per (source, destination) namespace.
/// </summary>
internal static class OverPermissionCounter
{
    public static IReadOnlyList<OverPermission> Count(NetworkModel model, ReachabilityEngine engine, IReadOnlyList<ObservedConnection> observed, GenerationResult generated)
    {
        var endpoints = new List<Endpoint>();
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in model.Endpoints.Where(e => e.Source is not null && e.IsPolicyTarget))
        {
            if (endpoint.Workload is not { } workload || !seen.Add(EndpointCatalog.WorkloadId(workload))) continue;
            endpoints.Add(endpoint);
            ids.Add(EndpointCatalog.WorkloadId(workload));
        }
        var ports = endpoints.SelectMany(ReachabilityMatrix.DeclaredPorts).Distinct().OrderBy(p => p.Port).ThenBy(p => p.Protocol).ToArray();
        var chunks = ports.Chunk(64).ToArray();
        var bitOf = new Dictionary<PortKey, (int Chunk, int Bit)>();
        for (var i = 0; i < ports.Length; i++) bitOf[ports[i]] = (i / 64, i % 64);

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++) index[ids[i]] = i;
        var declared = endpoints.Select(e => Mask(ReachabilityMatrix.DeclaredPorts(e), bitOf, chunks.Length)).ToArray();
        var seenPorts = new Dictionary<(int, int), ulong[]>();
        foreach (var c in observed)
        {
            if (c.Port is not { } port || c.Protocol is not { } protocol) continue;
            if (!index.TryGetValue(c.From.Id, out var from) || !index.TryGetValue(c.To.Id, out var to)) continue;
            if (!bitOf.TryGetValue(new PortKey(port, protocol), out var bit)) continue;
            if (!seenPorts.TryGetValue((from, to), out var mask)) seenPorts[(from, to)] = mask = new ulong[chunks.Length];
            mask[bit.Chunk] |= 1UL << bit.Bit;
        }

        var namespaces = endpoints.Select(e => e.Namespace!).Distinct().Order(StringComparer.Ordinal).ToArray();
        var nsIndex = namespaces.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var nsOf = endpoints.Select(e => nsIndex[e.Namespace!]).ToArray();
        var generatedNs = generated.Namespaces.Select(n => n.Namespace).ToHashSet(StringComparer.Ordinal);
        var governsTo = endpoints.Select(e => generatedNs.Contains(e.Namespace!)).ToArray();
        var governsFrom = endpoints.Select(e => generated.Egress && generatedNs.Contains(e.Namespace!)).ToArray();
        var allowedCount = new int[namespaces.Length * namespaces.Length];
        var unobservedCount = new int[namespaces.Length * namespaces.Length];
        var listed = new Dictionary<int, List<string>>();

        for (var chunk = 0; chunk < chunks.Length; chunk++)
        {
            var matrix = ReachabilityMatrix.ComputeClassMatrix(engine, endpoints, chunks[chunk]);
            var classOf = endpoints.Select(e => engine.ClassOf(e).Id).ToArray();
            for (var from = 0; from < endpoints.Count; from++)
            {
                for (var to = 0; to < endpoints.Count; to++)
                {
                    if (from == to || !governsTo[to] && !governsFrom[from]) continue;
                    var unobserved = declared[to][chunk];
                    if (unobserved == 0) continue;
                    if (seenPorts.TryGetValue((from, to), out var seenMask)) unobserved &= ~seenMask[chunk];
                    if (unobserved == 0) continue;
                    var group = nsOf[from] * namespaces.Length + nsOf[to];
                    unobservedCount[group] += BitOperations.PopCount(unobserved);
                    var allowed = matrix.ClassMask(classOf[from], classOf[to]) & unobserved;
                    if (allowed == 0) continue;
                    allowedCount[group] += BitOperations.PopCount(allowed);
                    if (!listed.TryGetValue(group, out var list)) listed[group] = list = [];
                    for (var rest = allowed; rest != 0; rest &= rest - 1)
                        list.Add($"{ids[from]} -> {ids[to]} {chunks[chunk][BitOperations.TrailingZeroCount(rest)]}");
                }
            }
        }

        var result = new List<OverPermission>();
        for (var group = 0; group < unobservedCount.Length; group++)
        {
            if (unobservedCount[group] == 0) continue;
            var connections = listed.TryGetValue(group, out var list) ? list.Order(StringComparer.Ordinal).ToList() : [];
            result.Add(new OverPermission(namespaces[group / namespaces.Length], namespaces[group % namespaces.Length], allowedCount[group], unobservedCount[group], connections));
        }
        return result;
    }

    private static ulong[] Mask(IReadOnlyList<PortKey> ports, Dictionary<PortKey, (int Chunk, int Bit)> bitOf, int chunks)
    {
        var mask = new ulong[chunks];
        foreach (var port in ports)
        {
            var (chunk, bit) = bitOf[port];
            mask[chunk] |= 1UL << bit;
        }
        return mask;
    }
}
