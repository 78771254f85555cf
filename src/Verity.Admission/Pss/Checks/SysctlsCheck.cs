namespace Verity.Admission.Pss.Checks;

/// <summary>
/// Baseline <c>sysctls</c>: <c>spec.securityContext.sysctls[*].name</c> only from the safe set of the version — v1.0 five
/// names; v1.27 adds <c>net.ipv4.ip_local_reserved_ports</c>; v1.29 the four <c>tcp_keepalive_*</c>/<c>tcp_fin_timeout</c>;
/// v1.32 <c>tcp_rmem</c>, <c>tcp_wmem</c>; v1.37 <c>tcp_slow_start_after_idle</c>, <c>tcp_notsent_lowat</c> (the v1.37
/// fixtures of the upstream corpus). Forbidden names are listed in order of appearance.
/// Upstream: <c>policy/check_sysctls.go</c>.
/// </summary>
internal static class SysctlsCheck
{
    private static readonly string[] Safe1Dot0 =
    [
        "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
        "net.ipv4.ip_unprivileged_port_start",
    ];
    private static readonly string[] Safe1Dot27 = [.. Safe1Dot0, "net.ipv4.ip_local_reserved_ports"];
    private static readonly string[] Safe1Dot29 =
        [.. Safe1Dot27, "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"];
    private static readonly string[] Safe1Dot32 = [.. Safe1Dot29, "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"];
    private static readonly string[] Safe1Dot37 = [.. Safe1Dot32, "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat"];

    public static PssCheck Check { get; } = new("sysctls", PssLevel.Baseline,
    [
        Versioned(0, Safe1Dot0), Versioned(27, Safe1Dot27), Versioned(29, Safe1Dot29), Versioned(32, Safe1Dot32), Versioned(37, Safe1Dot37),
    ]);

    private static VersionedCheck Versioned(int minor, string[] safe)
    {
        var allowed = new HashSet<string>(safe, StringComparer.Ordinal);
        return new VersionedCheck(minor, pod =>
        {
            var forbidden = (pod.Spec.SecurityContext?.Sysctls ?? []).Select(s => s.Name ?? "").Where(n => !allowed.Contains(n)).ToList();
            return forbidden.Count == 0 ? CheckResult.Allow : CheckResult.Forbid("forbidden sysctls", string.Join(", ", forbidden));
        });
    }
}
