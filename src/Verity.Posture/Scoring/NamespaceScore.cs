namespace Verity.Posture.Scoring;

/// <summary>The score of one namespace: over the (check, subject) pairs whose subject lives in it.</summary>
public sealed record NamespaceScore(string Name, int Score, int Checked, int Failed, int Findings);
