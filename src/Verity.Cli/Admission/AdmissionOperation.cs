namespace Verity.Cli.Admission;

/// <summary>
/// The admission operation a manifest is judged as (AdmissionReview <c>request.operation</c>; CONNECT is not modelled):
/// <see cref="Create"/> judges every object; <see cref="Update"/> judges the new object, with <c>--old</c> giving the
/// previous one; <see cref="Delete"/> evaluates nothing, as neither Pod Security Admission nor Verity's guardrails
/// judge deletions.
/// </summary>
internal enum AdmissionOperation
{
    Create,
    Update,
    Delete,
}
