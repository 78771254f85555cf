namespace Verity.Server.Admission;

/// <summary>A parsed AdmissionReview: the request, or every problem found (then <see cref="Request"/> is null).</summary>
public sealed record AdmissionReviewParseResult(AdmissionRequestInfo? Request, IReadOnlyList<string> Problems)
{
    public bool Ok => Request is not null && Problems.Count == 0;
}
