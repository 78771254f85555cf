namespace Verity.Admission.Pss.Checks;

/// <summary>
/// For every policy version v1.0 … v1.<see cref="NewestMinor"/>, the checks that run at baseline and at restricted, in
/// message order. Port of upstream <c>policy/registry.go</c> (<c>populate</c>, <c>inflateVersions</c>): each check's
/// revision in force at a version; restricted = restricted checks + baseline checks not overridden by a restricted
/// revision in force; order = baseline ids sorted, then restricted ids sorted (ordinal, like Go's sort.Strings).
/// </summary>
internal sealed class CheckRegistry
{
    private readonly IReadOnlyList<(string Id, Func<PodInput, CheckResult> Check)>[] _baseline;
    private readonly IReadOnlyList<(string Id, Func<PodInput, CheckResult> Check)>[] _restricted;

    public CheckRegistry(IReadOnlyList<PssCheck> checks)
    {
        NewestMinor = checks.SelectMany(c => c.Versions).Max(v => v.MinimumMinor);
        var order = checks.Where(c => c.Level == PssLevel.Baseline).Select(c => c.Id).Order(StringComparer.Ordinal)
            .Concat(checks.Where(c => c.Level == PssLevel.Restricted).Select(c => c.Id).Order(StringComparer.Ordinal))
            .Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        _baseline = new IReadOnlyList<(string, Func<PodInput, CheckResult>)>[NewestMinor + 1];
        _restricted = new IReadOnlyList<(string, Func<PodInput, CheckResult>)>[NewestMinor + 1];
        for (var minor = 0; minor <= NewestMinor; minor++)
        {
            var inForce = checks.Select(c => (c.Id, c.Level, Version: InForce(c, minor))).Where(c => c.Version is not null).ToList();
            var overridden = inForce.Where(c => c.Level == PssLevel.Restricted).SelectMany(c => c.Version!.Overrides).ToHashSet(StringComparer.Ordinal);
            _baseline[minor] = inForce.Where(c => c.Level == PssLevel.Baseline)
                .OrderBy(c => order[c.Id]).Select(c => (c.Id, c.Version!.Check)).ToList();
            _restricted[minor] = inForce.Where(c => c.Level == PssLevel.Restricted || !overridden.Contains(c.Id))
                .OrderBy(c => order[c.Id]).Select(c => (c.Id, c.Version!.Check)).ToList();
        }
    }

    /// <summary>The newest version any check names: what <c>latest</c> means.</summary>
    public int NewestMinor { get; }

    public IReadOnlyList<(string Id, Func<PodInput, CheckResult> Check)> For(PssLevel level, int minor) => level switch
    {
        PssLevel.Baseline => _baseline[minor],
        PssLevel.Restricted => _restricted[minor],
        _ => [],
    };

    /// <summary>The newest revision whose minimum version is at or before <paramref name="minor"/>; null before the first.</summary>
    private static VersionedCheck? InForce(PssCheck check, int minor) =>
        check.Versions.Where(v => v.MinimumMinor <= minor).MaxBy(v => v.MinimumMinor);
}
