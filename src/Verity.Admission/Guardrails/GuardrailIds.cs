namespace Verity.Admission.Guardrails;

/// <summary>The stable guardrail ids (documented in docs/guardrails.md). An id is never renumbered or reused.</summary>
public static class GuardrailIds
{
    /// <summary>Images come from an allowed registry (parameter <c>registries</c>).</summary>
    public const string AllowedRegistries = "VG-IMG-001";
    /// <summary>Images name a version: no <c>:latest</c>, no missing tag (unless pinned by digest).</summary>
    public const string NoLatestTag = "VG-IMG-002";
    /// <summary>Images are pinned by digest (opt-in: disabled unless configured).</summary>
    public const string DigestRequired = "VG-IMG-003";
    /// <summary>Containers set CPU and memory requests and limits.</summary>
    public const string Resources = "VG-RES-001";
    /// <summary>Objects carry the required labels (parameter <c>labels</c>).</summary>
    public const string RequiredLabels = "VG-META-001";
    /// <summary>Pods do not run as the <c>default</c> service account.</summary>
    public const string NoDefaultServiceAccount = "VG-IDN-001";
    /// <summary>Pods set <c>automountServiceAccountToken: false</c>.</summary>
    public const string NoTokenAutomount = "VG-IDN-002";
    /// <summary>Containers set <c>securityContext.readOnlyRootFilesystem: true</c>.</summary>
    public const string ReadOnlyRootFilesystem = "VG-SEC-001";
    /// <summary>No NodePort or LoadBalancer Services outside allowed namespaces (parameter <c>allowedNamespaces</c>).</summary>
    public const string ExposedServices = "VG-NET-001";
    /// <summary>Namespaces carry a valid <c>pod-security.kubernetes.io/enforce</c> label.</summary>
    public const string PodSecurityLabel = "VG-NS-001";
}
