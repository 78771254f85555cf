namespace Verity.Network.Evaluation;

/// <summary>One line of an explanation: in which tier, which policy (if any), what happened.</summary>
public sealed record ExplainStep(DecisionTier Tier, string? Policy, string Message);
