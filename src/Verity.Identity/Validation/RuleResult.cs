namespace Verity.Identity.Validation;

/// <summary>The outcome of one rule, with a message that says exactly what was found.</summary>
public sealed record RuleResult(SvidRule Rule, RuleOutcome Outcome, string Message);
