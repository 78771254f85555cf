namespace Verity.Server.Admission;

/// <summary>
/// The verdict on one admission request, free of HTTP: the server maps it to an AdmissionReview response
/// (<c>allowed</c>, <c>status.code</c>/<c>status.message</c>, <c>warnings</c>, <c>auditAnnotations</c>).
/// </summary>
public sealed record AdmissionDecision
{
    public required AdmissionOutcome Outcome { get; init; }

    /// <summary>Allowed unless denied or in error: the webhook fails closed.</summary>
    public bool Allowed => Outcome is AdmissionOutcome.Allowed or AdmissionOutcome.Skipped;

    /// <summary><c>status.code</c>: 200 allowed or skipped, 403 denied, 400 unreadable object, 500/504 server failure.</summary>
    public required int Code { get; init; }

    /// <summary>
    /// <c>status.message</c>: PSA's denial text on deny (<c>violates PodSecurity "baseline:latest": …</c>), the reason a
    /// request was not judged on skip, the problem on error; empty when simply allowed.
    /// </summary>
    public string Message { get; init; } = "";

    /// <summary><c>status.reason</c> when not the default (<c>Forbidden</c> for a denial): a ValidatingAdmissionPolicy's reason, e.g. <c>Invalid</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>Warnings the API server returns to the client (<c>kubectl</c> prints them).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// Audit annotations; the API server prefixes each key with the webhook's name (e.g. <c>verity.dev/pss-audit-violations</c>),
    /// so keys here carry no prefix.
    /// </summary>
    public IReadOnlyDictionary<string, string> AuditAnnotations { get; init; } = new Dictionary<string, string>();

    /// <summary>What each policy did (metrics: <c>verity_admission_decisions_total{policy,action}</c>).</summary>
    public IReadOnlyList<PolicyAction> Actions { get; init; } = [];

    public static AdmissionDecision Skip(string message, string policy = "pss") =>
        new() { Outcome = AdmissionOutcome.Skipped, Code = 200, Message = message, Actions = [new(policy, "skip")] };

    public static AdmissionDecision Fail(string message, string policy = "pss") =>
        new() { Outcome = AdmissionOutcome.Error, Code = 400, Message = message, Actions = [new(policy, "error")] };
}
