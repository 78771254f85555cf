namespace Verity.Identity.Validation;

/// <summary>One rule of the X.509-SVID standard that <see cref="SvidInspector"/> checks: a stable ID (for scripts), what it requires, and where the standard says so.</summary>
public sealed record SvidRule(string Id, string Requirement, string Reference);
