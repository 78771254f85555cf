namespace Verity.Rbac.Paths;

/// <summary>
/// Shortest escalation paths (breadth-first, fewest steps; ties broken by the graph's edge order, so the
/// answer is deterministic).
/// </summary>
public static class PathFinder
{
    /// <summary>For every workload, the shortest path to each goal it reaches; sorted by goal, then length,
    /// then workload.</summary>
    public static IReadOnlyList<EscalationPath> FromWorkloads(EscalationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var paths = new List<EscalationPath>();
        foreach (var start in graph.Nodes.Where(n => n.Kind == EscalationNodeKind.Workload))
        {
            var parents = Search(graph, start);
            foreach (var goal in graph.Nodes.Where(n => n.Kind == EscalationNodeKind.Goal))
            {
                if (parents.ContainsKey(goal)) paths.Add(new EscalationPath(start, goal, Walk(parents, goal)));
            }
        }
        return paths.OrderBy(p => p.Goal.Name, StringComparer.Ordinal).ThenBy(p => p.Steps.Count)
            .ThenBy(p => p.Start.Namespace, StringComparer.Ordinal).ThenBy(p => p.Start.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The shortest path from <paramref name="from"/> to <paramref name="to"/>, or null when there is none.</summary>
    public static EscalationPath? Shortest(EscalationGraph graph, EscalationNode from, EscalationNode to)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var parents = Search(graph, from);
        return from != to && parents.ContainsKey(to) ? new EscalationPath(from, to, Walk(parents, to)) : null;
    }

    /// <summary>Every node reachable from <paramref name="start"/> with the edge it was first reached by.</summary>
    private static Dictionary<EscalationNode, EscalationEdge?> Search(EscalationGraph graph, EscalationNode start)
    {
        var parents = new Dictionary<EscalationNode, EscalationEdge?> { [start] = null };
        // A namespace-wide reach expanded once reaches its accounts at the smallest depth; later ones add nothing.
        var expanded = new HashSet<(string, bool)>();
        var queue = new Queue<EscalationNode>([start]);
        while (queue.TryDequeue(out var node))
        {
            // Goals are ends: nothing leads out of them.
            foreach (var edge in graph.ExplicitOutOf(node))
            {
                if (parents.TryAdd(edge.To, edge)) queue.Enqueue(edge.To);
            }
            foreach (var reach in graph.ReachOutOf(node))
            {
                foreach (var ns in graph.NamespacesOf(reach))
                {
                    if (!expanded.Add((ns, reach.WorkloadAccountsOnly))) continue;
                    foreach (var target in graph.Targets(reach, ns))
                    {
                        if (!parents.ContainsKey(target))
                        {
                            parents[target] = new EscalationEdge(node, target, reach.Risk, reach.Scope, reach.Evidence);
                            queue.Enqueue(target);
                        }
                    }
                }
            }
        }
        return parents;
    }

    private static List<EscalationEdge> Walk(Dictionary<EscalationNode, EscalationEdge?> parents, EscalationNode goal)
    {
        var steps = new List<EscalationEdge>();
        for (var edge = parents[goal]; edge is not null; edge = parents[edge.From]) steps.Add(edge);
        steps.Reverse();
        return steps;
    }
}
