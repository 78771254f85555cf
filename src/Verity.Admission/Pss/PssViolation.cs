namespace Verity.Admission.Pss;

/// <summary>
/// One failed check: its upstream id (e.g. <c>allowPrivilegeEscalation</c>), the forbidden reason
/// (<c>allowPrivilegeEscalation != false</c>) and the detail (<c>container "app" must set …</c>, may be empty).
/// Upstream: <c>policy.CheckResult</c>.
/// </summary>
public sealed record PssViolation(string Check, string Reason, string Detail)
{
    /// <summary>"reason (detail)", or the reason alone when there is no detail — one element of the PSA message.</summary>
    public string Message => Detail.Length == 0 ? Reason : $"{Reason} ({Detail})";
}
