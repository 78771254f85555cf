namespace Verity.Posture;

/// <summary>
/// Benchmark controls that findings map to, spelled the same everywhere (JSON output, tables, reports).
/// <list type="bullet">
/// <item><c>CIS x.y.z</c>: CIS Kubernetes Benchmark section 5 (policies).</item>
/// <item><c>NSA …</c>: a section of the NSA/CISA Kubernetes Hardening Guidance v1.2 (August 2022).</item>
/// </list>
/// </summary>
public static class Controls
{
    /// <summary>CIS 5.1.1: Ensure that the cluster-admin role is only used where required.</summary>
    public const string Cis511 = "CIS 5.1.1";

    /// <summary>CIS 5.1.2: Minimize access to secrets.</summary>
    public const string Cis512 = "CIS 5.1.2";

    /// <summary>CIS 5.1.3: Minimize wildcard use in Roles and ClusterRoles.</summary>
    public const string Cis513 = "CIS 5.1.3";

    /// <summary>CIS 5.1.8: Limit use of the Bind, Impersonate and Escalate permissions in the Kubernetes cluster.</summary>
    public const string Cis518 = "CIS 5.1.8";

    /// <summary>CIS 5.1.5: Ensure that default service accounts are not actively used.</summary>
    public const string Cis515 = "CIS 5.1.5";

    /// <summary>CIS 5.1.6: Ensure that Service Account Tokens are only mounted where necessary.</summary>
    public const string Cis516 = "CIS 5.1.6";

    /// <summary>CIS 5.2: Pod Security Standards (the section's controls: privileged, host namespaces, escalation, root, capabilities, ...).</summary>
    public const string Cis52 = "CIS 5.2";

    /// <summary>CIS 5.3.2: Ensure that all Namespaces have NetworkPolicies defined.</summary>
    public const string Cis532 = "CIS 5.3.2";

    /// <summary>CIS 5.5.1: Configure Image Provenance (know exactly which image runs).</summary>
    public const string Cis551 = "CIS 5.5.1";

    /// <summary>NSA/CISA: Network separation and hardening — Network policies.</summary>
    /// <summary>NSA/CISA: Kubernetes Pod security (non-root, immutable file systems, Pod Security admission).</summary>
    public const string NsaPodSecurity = "NSA Kubernetes Pod security";

    public const string NsaNetworkPolicies = "NSA Network policies";

    /// <summary>NSA/CISA: Network separation and hardening — Resource policies (LimitRanges, quotas, limits).</summary>
    public const string NsaResourcePolicies = "NSA Resource policies";

    /// <summary>NSA/CISA: Kubernetes Pod security — Protecting Pod service account tokens.</summary>
    public const string NsaServiceAccountTokens = "NSA Protecting Pod service account tokens";

    /// <summary>NSA/CISA: Kubernetes Pod security — Building secure container images.</summary>
    public const string NsaContainerImages = "NSA Building secure container images";
}
