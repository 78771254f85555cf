namespace Verity.Admission.Guardrails;

/// <summary>
/// Benchmark controls the guardrails map to, spelled as Verity.Posture spells them so scan and admission output agree.
/// <c>CIS x.y.z</c>: CIS Kubernetes Benchmark section 5; <c>NSA …</c>: NSA/CISA Kubernetes Hardening Guidance v1.2 (August 2022).
/// </summary>
public static class GuardrailControls
{
    /// <summary>CIS 5.1.5: Ensure that default service accounts are not actively used.</summary>
    public const string Cis515 = "CIS 5.1.5";
    /// <summary>CIS 5.1.6: Ensure that Service Account Tokens are only mounted where necessary.</summary>
    public const string Cis516 = "CIS 5.1.6";
    /// <summary>CIS 5.2.1: Ensure that the cluster has at least one active policy control mechanism in place.</summary>
    public const string Cis521 = "CIS 5.2.1";
    /// <summary>CIS 5.5.1: Configure Image Provenance.</summary>
    public const string Cis551 = "CIS 5.5.1";
    /// <summary>CIS 5.7.3: Apply SecurityContext to your Pods and Containers.</summary>
    public const string Cis573 = "CIS 5.7.3";
    /// <summary>NSA/CISA: Building secure container images.</summary>
    public const string NsaContainerImages = "NSA Building secure container images";
    /// <summary>NSA/CISA: Resource policies (requests, limits, quotas).</summary>
    public const string NsaResourcePolicies = "NSA Resource policies";
    /// <summary>NSA/CISA: Protecting Pod service account tokens.</summary>
    public const string NsaServiceAccountTokens = "NSA Protecting Pod service account tokens";
    /// <summary>NSA/CISA: Use immutable container file systems.</summary>
    public const string NsaImmutableFilesystems = "NSA Immutable container file systems";
    /// <summary>NSA/CISA: Pod security enforcement (Pod Security Admission).</summary>
    public const string NsaPodSecurity = "NSA Pod security enforcement";
    /// <summary>NSA/CISA: Network separation and hardening.</summary>
    public const string NsaNetworkSeparation = "NSA Network separation and hardening";
}
