namespace Verity.Admission.Guardrails.Checks;

/// <summary>One violation found by a check: a message that says what is wrong and how to fix it, and the field it is about.</summary>
internal sealed record CheckFinding(string Message, IReadOnlyList<object> Path);
