namespace Verity.Network.Evaluation;

/// <summary>The verdict of one direction with the tier that made it and every step that led there.</summary>
public sealed record DirectionVerdict(Direction Direction, bool Allowed, DecisionTier DecidedBy, IReadOnlyList<ExplainStep> Steps);
