using Verity.Rbac.Model;

namespace Verity.Rbac.Scoring;

/// <summary>A service account's least-privilege score (0–100, 100 = nothing risky granted) and the
/// distinct findings (<c>risk@scope</c>) that lowered it, most severe first.</summary>
public sealed record AccountScore(Subject Account, int Score, IReadOnlyList<string> Findings);
