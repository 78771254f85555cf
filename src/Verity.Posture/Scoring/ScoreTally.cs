namespace Verity.Posture.Scoring;

/// <summary>Weights of passed and evaluated (check, subject) pairs, and the score they give.</summary>
public readonly record struct ScoreTally(int PassedWeight, int TotalWeight)
{
    /// <summary>
    /// <c>floor(100 × passed / total)</c>; 100 when nothing weighed was evaluated. Flooring means 100 is
    /// reached only when every weighed pair passes.
    /// </summary>
    public int Score => TotalWeight == 0 ? 100 : (int)(100L * PassedWeight / TotalWeight);

    public ScoreTally Add(int weight, bool passed) => new(PassedWeight + (passed ? weight : 0), TotalWeight + weight);
}
