using Verity.Core.Model;

namespace Verity.Network.Lint;

/// <summary>One problem in a policy set: a rule ID, how serious, which policy, what is wrong and where.</summary>
public sealed record LintFinding(string Rule, Severity Severity, ResourceRef Policy, string Message, SourceLocation Location);
