using static Verity.Admission.Pss.Checks.PssText;

namespace Verity.Admission.Pss.Checks;

/// <summary>
/// Restricted <c>capabilities_restricted</c> (v1.22, overriding <c>capabilities_baseline</c>): every container drops
/// <c>ALL</c> and adds nothing but <c>NET_BIND_SERVICE</c>; from v1.25 Windows pods are exempt. Before v1.22 restricted
/// runs the baseline capabilities check instead. Upstream: <c>policy/check_capabilities_restricted.go</c>.
/// </summary>
internal static class CapabilitiesRestrictedCheck
{
    public static PssCheck Check { get; } = new("capabilities_restricted", PssLevel.Restricted,
    [
        new VersionedCheck(22, V1Dot22) { Overrides = [CapabilitiesBaselineCheck.Id] },
        new VersionedCheck(25, pod => pod.IsWindows ? CheckResult.Allow : V1Dot22(pod)) { Overrides = [CapabilitiesBaselineCheck.Id] },
    ]);

    private static CheckResult V1Dot22(PodInput pod)
    {
        var missingDropAll = new List<string>();
        var addingForbidden = new List<string>();
        var forbidden = new List<string>();
        foreach (var c in pod.Containers)
        {
            if (c.SecurityContext?.Capabilities is not { } capabilities)
            {
                missingDropAll.Add(c.Name);
                continue;
            }
            if (!(capabilities.Drop ?? []).Contains("ALL", StringComparer.Ordinal)) missingDropAll.Add(c.Name);
            var added = (capabilities.Add ?? []).Where(a => a != "NET_BIND_SERVICE").ToList();
            if (added.Count == 0) continue;
            addingForbidden.Add(c.Name);
            forbidden.AddRange(added);
        }
        var details = new List<string>();
        if (missingDropAll.Count > 0) details.Add($"{Containers(missingDropAll)} must set securityContext.capabilities.drop=[\"ALL\"]");
        if (addingForbidden.Count > 0)
            details.Add($"{Containers(addingForbidden)} must not include {JoinQuote(SortedSet(forbidden))} in securityContext.capabilities.add");
        return details.Count == 0 ? CheckResult.Allow : CheckResult.Forbid("unrestricted capabilities", string.Join("; ", details));
    }
}
