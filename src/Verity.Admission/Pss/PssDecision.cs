namespace Verity.Admission.Pss;

/// <summary>
/// The verdict of one pod (or pod template) against one level and version: the violations in Pod Security
/// Admission's order (baseline check ids sorted, then restricted ids sorted). Upstream:
/// <c>policy.AggregateCheckResults</c> and the denial text of <c>admission.go</c>.
/// </summary>
public sealed record PssDecision(PssLevelVersion Policy, IReadOnlyList<PssViolation> Violations)
{
    public bool Allowed => Violations.Count == 0;

    /// <summary>Forbidden reasons joined with ", " (upstream <c>AggregateCheckResult.ForbiddenReason</c>).</summary>
    public string ForbiddenReason => string.Join(", ", Violations.Select(v => v.Reason));

    /// <summary>"reason (detail), reason (detail)" (upstream <c>AggregateCheckResult.ForbiddenDetail</c>).</summary>
    public string ForbiddenDetail => string.Join(", ", Violations.Select(v => v.Message));

    /// <summary>
    /// The text PSA denies a pod with: <c>violates PodSecurity "restricted:v1.30": …</c> (the API server prefixes
    /// <c>pods "NAME" is forbidden: </c>); empty when allowed. Workload templates get the same text after
    /// <c>would </c> as a warning.
    /// </summary>
    public string Message => Allowed ? "" : $"violates PodSecurity \"{Policy}\": {ForbiddenDetail}";
}
