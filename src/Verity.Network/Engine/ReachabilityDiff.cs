using Verity.Network.Model;

namespace Verity.Network.Engine;

/// <summary>
/// What a change opens and closes: every ordered pair of endpoints present (by id) in both snapshots, on the
/// given ports or on the ports the destination declares in either snapshot, compared before and after.
/// Endpoints that exist on one side only are not compared (they are new or removed, not opened or closed).
/// </summary>
public static class ReachabilityDiff
{
    public sealed record Result(IReadOnlyList<Connection> Opened, IReadOnlyList<Connection> Closed, int Compared);

    public static Result Compare(ReachabilityEngine before, IReadOnlyList<Endpoint> beforeEndpoints,
        ReachabilityEngine after, IReadOnlyList<Endpoint> afterEndpoints, IReadOnlyList<PortKey>? ports = null)
    {
        var afterById = afterEndpoints.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var pairs = beforeEndpoints.Where(e => afterById.ContainsKey(e.Id)).Select(e => (Before: e, After: afterById[e.Id])).ToList();
        if (ports is { Count: > 0 and <= 64 }) return CompareOnClasses(before, after, pairs, ports);
        var opened = new List<Connection>();
        var closed = new List<Connection>();
        var memo = new Dictionary<(int, int, int, int), (PortKey[], ulong[], ulong[])>();
        var compared = 0;
        foreach (var from in pairs)
        {
            foreach (var to in pairs)
            {
                var key = (before.ClassOf(from.Before).Id, before.ClassOf(to.Before).Id, after.ClassOf(from.After).Id, after.ClassOf(to.After).Id);
                if (from.Before.Id == to.Before.Id || !memo.TryGetValue(key, out var result))
                {
                    var list = (ports ?? ReachabilityMatrix.DeclaredPorts(to.Before).Union(ReachabilityMatrix.DeclaredPorts(to.After))
                        .OrderBy(p => p.Port).ThenBy(p => p.Protocol).ToList()).ToArray();
                    result = (list, ReachabilityMatrix.Masks(before, from.Before, to.Before, list), ReachabilityMatrix.Masks(after, from.After, to.After, list));
                    if (from.Before.Id != to.Before.Id) memo[key] = result;
                }
                var (portList, was, now) = result;
                for (var i = 0; i < portList.Length; i++)
                {
                    compared++;
                    var a = (was[i / 64] >> (i % 64) & 1) == 1;
                    var b = (now[i / 64] >> (i % 64) & 1) == 1;
                    if (!a && b) opened.Add(new Connection(from.After, to.After, portList[i], true));
                    else if (a && !b) closed.Add(new Connection(from.After, to.After, portList[i], false));
                }
            }
        }
        return new Result(opened, closed, compared);
    }

    /// <summary>
    /// The same comparison on a fixed port list, from the two class matrices: a pair of endpoints costs two
    /// array reads, and only the ports whose verdict changed become connections. Same order as the pairwise path.
    /// </summary>
    private static Result CompareOnClasses(ReachabilityEngine before, ReachabilityEngine after, List<(Endpoint Before, Endpoint After)> pairs, IReadOnlyList<PortKey> ports)
    {
        var was = ReachabilityMatrix.ComputeClassMatrix(before, pairs.Select(p => p.Before).ToList(), ports);
        var now = ReachabilityMatrix.ComputeClassMatrix(after, pairs.Select(p => p.After).ToList(), ports);
        var beforeClass = pairs.Select(p => before.ClassOf(p.Before).Id).ToArray();
        var afterClass = pairs.Select(p => after.ClassOf(p.After).Id).ToArray();
        var opened = new List<Connection>();
        var closed = new List<Connection>();
        for (var f = 0; f < pairs.Count; f++)
        {
            for (var t = 0; t < pairs.Count; t++)
            {
                // An endpoint and itself: allowed before and after (AllowedMask's rule), so never a change.
                if (pairs[f].Before.Kind != EndpointKind.External && pairs[f].Before.Id == pairs[t].Before.Id) continue;
                var a = was.ClassMask(beforeClass[f], beforeClass[t]);
                var b = now.ClassMask(afterClass[f], afterClass[t]);
                if (a == b) continue;
                for (var i = 0; i < ports.Count; i++)
                {
                    var x = (a >> i & 1) == 1;
                    var y = (b >> i & 1) == 1;
                    if (!x && y) opened.Add(new Connection(pairs[f].After, pairs[t].After, ports[i], true));
                    else if (x && !y) closed.Add(new Connection(pairs[f].After, pairs[t].After, ports[i], false));
                }
            }
        }
        return new Result(opened, closed, pairs.Count * pairs.Count * ports.Count);
    }
}
