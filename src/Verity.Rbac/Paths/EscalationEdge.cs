using Verity.Rbac.Risks;

namespace Verity.Rbac.Paths;

/// <summary>
/// One step: <see cref="From"/> can become (or act as) <see cref="To"/> through <see cref="Risk"/>, a
/// catalog id, or <see cref="RunsAs"/> for a workload's pods running as their service account.
/// <see cref="Scope"/> and <see cref="Evidence"/> are the finding's.
/// </summary>
public sealed record EscalationEdge(EscalationNode From, EscalationNode To, string Risk, string? Scope, IReadOnlyList<RiskEvidence> Evidence)
{
    public const string RunsAs = "runs-as";

    public override string ToString() => $"{From} --{Risk}{(Scope is null ? "" : $" ({Scope})")}--> {To}";
}
