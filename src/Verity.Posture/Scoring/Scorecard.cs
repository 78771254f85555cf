namespace Verity.Posture.Scoring;

/// <summary>
/// The posture of one snapshot. <see cref="Score"/> is 0–100 over every (check, subject) pair
/// (see <see cref="ScoreTally"/> and docs/output.md); <see cref="Namespaces"/> are ordered by name and
/// list every namespace with at least one evaluated pair; <see cref="Findings"/> are ordered by severity
/// (most serious first), then rule, resource and source position, so output is stable.
/// </summary>
public sealed record Scorecard(
    int Score,
    int Checked,
    int Failed,
    IReadOnlyList<NamespaceScore> Namespaces,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<IPostureCheck> Checks);
