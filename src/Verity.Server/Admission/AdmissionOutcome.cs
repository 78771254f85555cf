namespace Verity.Server.Admission;

/// <summary>
/// What the webhook did with a request. <see cref="Error"/> (the object could not be read) is never confused with
/// <see cref="Denied"/> (a policy rejected it), though both answer <c>allowed: false</c>: the webhook fails closed.
/// </summary>
public enum AdmissionOutcome
{
    /// <summary>Judged and allowed (possibly with warnings and audit annotations).</summary>
    Allowed,

    /// <summary>Judged and rejected by the enforce policy (status 403).</summary>
    Denied,

    /// <summary>Not judged: an operation, kind or subresource the policies do not cover; allowed with the reason.</summary>
    Skipped,

    /// <summary>Could not be judged (the object is missing or not a valid object of its kind); rejected (status 400).</summary>
    Error,
}
