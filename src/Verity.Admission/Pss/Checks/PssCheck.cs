namespace Verity.Admission.Pss.Checks;

/// <summary>A Pod Security Standards check (upstream <c>policy.Check</c>): id, level and its revisions, oldest first.</summary>
internal sealed record PssCheck(string Id, PssLevel Level, IReadOnlyList<VersionedCheck> Versions);
