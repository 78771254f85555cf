namespace Verity.Server.Admission;

/// <summary>The answer of <c>/mutate</c>: always allowed (mutation never rejects), with the patch to apply (maybe empty).</summary>
public sealed record MutationResult(AdmissionDecision Decision, IReadOnlyList<JsonPatchOperation> Patch);
