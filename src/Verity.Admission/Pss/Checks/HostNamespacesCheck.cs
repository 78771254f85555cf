namespace Verity.Admission.Pss.Checks;

/// <summary>
/// Baseline <c>hostNamespaces</c> (v1.0): <c>hostNetwork</c>, <c>hostPID</c>, <c>hostIPC</c> must be unset or false.
/// Upstream: <c>policy/check_hostNamespaces.go</c>.
/// </summary>
internal static class HostNamespacesCheck
{
    public static PssCheck Check { get; } = new("hostNamespaces", PssLevel.Baseline, [new VersionedCheck(0, V1Dot0)]);

    private static CheckResult V1Dot0(PodInput pod)
    {
        var used = new List<string>();
        if (pod.Spec.HostNetwork == true) used.Add("hostNetwork=true");
        if (pod.Spec.HostPID == true) used.Add("hostPID=true");
        if (pod.Spec.HostIPC == true) used.Add("hostIPC=true");
        return used.Count == 0 ? CheckResult.Allow : CheckResult.Forbid("host namespaces", string.Join(", ", used));
    }
}
