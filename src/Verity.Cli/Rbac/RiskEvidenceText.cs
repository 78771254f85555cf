using Verity.Rbac.Risks;

namespace Verity.Cli.Rbac;

/// <summary>
/// One piece of evidence on one line, for the <c>risks</c> and <c>paths</c> tables:
/// <c>BINDING -> ROLE -> ROLE rules[i]: rule</c>, then <c>(detail)</c> when there is one; the detail alone when no grant
/// is behind the finding (<c>members of group system:masters bypass RBAC …</c>).
/// </summary>
internal static class RiskEvidenceText
{
    public static string Format(RiskEvidence evidence)
    {
        var parts = new[] { evidence.Binding, evidence.Role, evidence.Rule is null ? null : $"{evidence.Rule.Origin}: {evidence.Rule}" }
            .Where(p => p is not null).ToList();
        if (parts.Count == 0) return evidence.Detail ?? "";
        return string.Join(" -> ", parts) + (evidence.Detail is null ? "" : $" ({evidence.Detail})");
    }
}
