using Verity.Rbac.Paths;

namespace Verity.Cli.Rbac;

/// <summary>
/// <c>paths</c> as text, one block per path: <c>WORKLOAD → GOAL (N steps)</c>, then the workload and one
/// <c>→ NODE  (risk, scope)</c> line per step with the grants behind it (binding -> role -> rule) indented below.
/// </summary>
internal static class PathsRenderer
{
    public static void Write(TextWriter output, IReadOnlyList<EscalationPath> paths)
    {
        if (paths.Count == 0)
        {
            output.WriteLine("No workload has an escalation path to cluster-admin or to every Secret.");
            return;
        }
        foreach (var path in paths)
        {
            output.WriteLine($"{path.Start} → {Goal(path.Goal)} ({path.Steps.Count} {(path.Steps.Count == 1 ? "step" : "steps")})");
            output.WriteLine($"  {path.Start}");
            var width = path.Steps.Max(s => Node(s.To).Length);
            foreach (var step in path.Steps)
            {
                var how = step.Scope is null ? step.Risk : $"{step.Risk}, {step.Scope}";
                output.WriteLine($"  → {Node(step.To).PadRight(width)}  ({how})");
                foreach (var evidence in step.Evidence) output.WriteLine($"      {RiskEvidenceText.Format(evidence)}");
            }
            output.WriteLine();
        }
        var workloads = paths.Select(p => p.Start).Distinct().Count();
        output.WriteLine($"{paths.Count} {(paths.Count == 1 ? "path" : "paths")} from {workloads} {(workloads == 1 ? "workload" : "workloads")}.");
    }

    private static string Node(EscalationNode node) => node.Kind == EscalationNodeKind.Goal ? Goal(node) : node.ToString();

    /// <summary>What a goal means, in words.</summary>
    private static string Goal(EscalationNode goal) =>
        goal == EscalationNode.ReadAllSecrets ? "read all Secrets"
        : goal == EscalationNode.ClusterAdminEquivalent ? "cluster-admin (equivalent)"
        : goal.Name;
}
