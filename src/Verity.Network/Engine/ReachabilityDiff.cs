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
}
