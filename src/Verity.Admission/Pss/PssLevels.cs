namespace Verity.Admission.Pss;

/// <summary>Spelling of <see cref="PssLevel"/> as Pod Security Admission writes it (upstream <c>api.ParseLevel</c>).</summary>
public static class PssLevels
{
    /// <summary>The label value of a level: <c>privileged</c>, <c>baseline</c>, <c>restricted</c>.</summary>
    public static string Name(this PssLevel level) => level switch
    {
        PssLevel.Baseline => "baseline",
        PssLevel.Restricted => "restricted",
        _ => "privileged",
    };

    /// <summary>
    /// Parses a level exactly (case-sensitive, as upstream <c>api.ParseLevel</c>: <c>Level(s)</c> compared to the
    /// three constants). Returns false for anything else, including "Restricted" or " baseline".
    /// </summary>
    public static bool TryParse(string? text, out PssLevel level)
    {
        switch (text)
        {
            case "privileged": level = PssLevel.Privileged; return true;
            case "baseline": level = PssLevel.Baseline; return true;
            case "restricted": level = PssLevel.Restricted; return true;
            default: level = PssLevel.Privileged; return false;
        }
    }
}
