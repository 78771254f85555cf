namespace Verity.Admission.Pss.Checks;

/// <summary>Every check of the Pod Security Standards (upstream <c>policy.DefaultChecks()</c>); the registry orders them.</summary>
internal static class AllChecks
{
    public static IReadOnlyList<PssCheck> List { get; } =
    [
        AppArmorProfileCheck.Check,
        CapabilitiesBaselineCheck.Check,
        HostNamespacesCheck.Check,
        HostPathVolumesCheck.Check,
        HostPortsCheck.Check,
        HostProbesAndHostLifecycleCheck.Check,
        PrivilegedCheck.Check,
        ProcMountCheck.Baseline,
        SeLinuxOptionsCheck.Check,
        SeccompProfileBaselineCheck.Check,
        SysctlsCheck.Check,
        WindowsHostProcessCheck.Check,
        AllowPrivilegeEscalationCheck.Check,
        CapabilitiesRestrictedCheck.Check,
        ProcMountCheck.Restricted,
        RestrictedVolumesCheck.Check,
        RunAsNonRootCheck.Check,
        RunAsUserCheck.Check,
        SeccompProfileRestrictedCheck.Check,
    ];
}
