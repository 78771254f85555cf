namespace Verity.Rbac.Paths;

/// <summary>A shortest chain of <see cref="Steps"/> from <see cref="Start"/> to <see cref="Goal"/>.</summary>
public sealed record EscalationPath(EscalationNode Start, EscalationNode Goal, IReadOnlyList<EscalationEdge> Steps)
{
    public override string ToString() =>
        string.Join(" ", new[] { Start.ToString() }.Concat(Steps.Select(s => $"--{s.Risk}--> {s.To}")));
}
