namespace Verity.Rbac.Risks;

/// <summary>The severities of <see cref="RiskFinding.Severity"/>, most severe first.</summary>
public static class RiskSeverity
{
    public const string Critical = "critical";
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";

    public static IReadOnlyList<string> All { get; } = [Critical, High, Medium, Low];

    /// <summary>0 for critical … 3 for low; sorts most severe first.</summary>
    public static int Rank(string severity) => severity switch
    {
        Critical => 0,
        High => 1,
        Medium => 2,
        _ => 3,
    };

    /// <summary>Above medium: what broad-group-binding and the escalation graph call sensitive.</summary>
    public static bool IsSensitive(string severity) => Rank(severity) <= 1;
}
