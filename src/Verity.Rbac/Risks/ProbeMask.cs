using Verity.Rbac.Authorization;
using Verity.Rbac.Model;

namespace Verity.Rbac.Risks;

/// <summary>
/// A set of probes of <see cref="RiskChecks"/> as a 128-bit mask. Each rule gets, once per analysis, the
/// mask of the probes it can allow (for any name, or for one of its resourceNames); a check is evaluated
/// on a subject's grants only when their masks meet the check's. It only skips work: the decision is
/// still made by <see cref="SubjectGrants.Evaluate"/>.
/// </summary>
internal readonly record struct ProbeMask(ulong Low, ulong High)
{
    public static ProbeMask Empty => default;

    public bool IsEmpty => (Low | High) == 0;

    public static ProbeMask Bit(int index) => index < 64 ? new(1UL << index, 0) : new(0, 1UL << (index - 64));

    public ProbeMask Or(ProbeMask other) => new(Low | other.Low, High | other.High);

    public bool Intersects(ProbeMask other) => ((Low & other.Low) | (High & other.High)) != 0;

    /// <summary>The probes <paramref name="rule"/> can allow, for any name or for one of its resourceNames.</summary>
    public static ProbeMask Of(PolicyRule rule)
    {
        var mask = Empty;
        if (rule.Resources.Count == 0) return mask;
        foreach (var (probe, index) in RiskChecks.ProbeIndex)
        {
            if (RuleMatcher.Allows(probe.Request("", "ns"), rule) || rule.ResourceNames.Any(n => RuleMatcher.Allows(probe.Request(n, "ns"), rule)))
                mask = mask.Or(Bit(index));
        }
        return mask;
    }
}
