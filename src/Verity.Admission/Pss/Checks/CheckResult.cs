namespace Verity.Admission.Pss.Checks;

/// <summary>What one check says about a pod (upstream <c>policy.CheckResult</c>): allowed, or a reason and a detail.</summary>
internal readonly record struct CheckResult(bool Allowed, string Reason, string Detail)
{
    public static CheckResult Allow { get; } = new(true, "", "");

    public static CheckResult Forbid(string reason, string detail) => new(false, reason, detail);
}
