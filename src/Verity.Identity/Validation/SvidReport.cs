namespace Verity.Identity.Validation;

/// <summary>Every rule's outcome for one certificate chain, in <see cref="SvidRules.All"/> order; the SPIFFE ID when one was read.</summary>
public sealed record SvidReport
{
    public SpiffeId? Id { get; init; }

    public required IReadOnlyList<RuleResult> Results { get; init; }

    /// <summary>True when no rule failed (warnings and skips allowed).</summary>
    public bool IsValid => Results.All(r => r.Outcome != RuleOutcome.Fail);

    public IEnumerable<RuleResult> Failures => Results.Where(r => r.Outcome == RuleOutcome.Fail);
}
