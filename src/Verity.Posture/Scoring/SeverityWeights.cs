using Verity.Core.Model;

namespace Verity.Posture.Scoring;

/// <summary>
/// How much one (check, subject) pair weighs in a score: Low 1, Medium 2, High 3, Critical 4. Info checks
/// weigh 0, so they report without moving the score.
/// </summary>
public static class SeverityWeights
{
    public static int Of(Severity severity) => severity switch
    {
        Severity.Critical => 4,
        Severity.High => 3,
        Severity.Medium => 2,
        Severity.Low => 1,
        _ => 0,
    };
}
