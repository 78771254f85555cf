namespace Verity.Admission.Pss.Checks;

/// <summary>
/// One revision of a check (upstream <c>policy.VersionedCheck</c>): it applies from <see cref="MinimumMinor"/>
/// (<c>v1.N</c>) until the next revision; <see cref="Overrides"/> are baseline check ids it replaces at restricted.
/// </summary>
internal sealed record VersionedCheck(int MinimumMinor, Func<PodInput, CheckResult> Check)
{
    public IReadOnlyList<string> Overrides { get; init; } = [];
}
