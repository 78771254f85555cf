namespace Verity.Server.Install;

/// <summary>
/// What <c>verity admission manifests</c> installs (docs/webhook.md, "Installing"): where the webhook runs, how the API
/// server calls it, and which flags the server gets. Validated by <see cref="Validate"/>; the defaults are the secure choice.
/// </summary>
public sealed record WebhookInstallOptions
{
    /// <summary>Namespace of the webhook's Deployment, Service and Secret; always excluded from the webhooks' namespaceSelector.</summary>
    public string Namespace { get; init; } = "verity";

    /// <summary>Name of the Service (and of the Deployment and webhook configurations).</summary>
    public string Service { get; init; } = "verity";

    /// <summary>Container image of the server.</summary>
    public string Image { get; init; } = "ghcr.io/verity-dev/verity:0.1.0";

    /// <summary><c>Fail</c> (the default: a request the webhook cannot answer is rejected) or <c>Ignore</c>.</summary>
    public string FailurePolicy { get; init; } = "Fail";

    /// <summary>How long the API server waits for an answer, 1–5 s (the API allows up to 30; admission latency adds up).</summary>
    public int TimeoutSeconds { get; init; } = 5;

    /// <summary>Server replicas; two or more keep admission available while a pod restarts or a node drains.</summary>
    public int Replicas { get; init; } = 2;

    /// <summary>How long the generated CA and serving certificate stay valid.</summary>
    public TimeSpan CertificateValidity { get; init; } = TimeSpan.FromDays(365);

    /// <summary>The guardrail policy config (YAML text) shipped as a ConfigMap and passed as <c>--config</c>; null: none.</summary>
    public string? PolicyConfigYaml { get; init; }

    /// <summary>Passes <c>--mutate-seccomp</c>: /mutate adds seccompProfile RuntimeDefault where absent.</summary>
    public bool MutateSeccomp { get; init; } = true;

    /// <summary>Passes <c>--mutate-no-automount</c>: /mutate adds automountServiceAccountToken: false where absent.</summary>
    public bool MutateNoAutomount { get; init; }

    /// <summary>
    /// The server reads namespace labels from the cluster (<c>--watch-namespaces</c>): the manifests then include a ClusterRole
    /// to get, list and watch Namespaces, bound to the server's ServiceAccount, whose token is mounted.
    /// </summary>
    public bool WatchNamespaces { get; init; } = true;

    /// <summary>Every problem with these options (empty when they are usable), each naming the flag.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!IsDnsLabel(Namespace)) problems.Add($"--namespace must be a DNS label (lowercase letters, digits and '-', at most 63), not '{Namespace}'");
        if (!IsDnsLabel(Service)) problems.Add($"--service must be a DNS label (lowercase letters, digits and '-', at most 63), not '{Service}'");
        if (FailurePolicy is not ("Fail" or "Ignore")) problems.Add($"--failure-policy must be Fail or Ignore, not '{FailurePolicy}'");
        if (TimeoutSeconds is < 1 or > 5) problems.Add($"--timeout-seconds must be 1 to 5, not {TimeoutSeconds}");
        if (Replicas < 1) problems.Add($"--replicas must be at least 1, not {Replicas}");
        if (CertificateValidity < TimeSpan.FromDays(1)) problems.Add("--cert-days must be at least 1");
        if (string.IsNullOrWhiteSpace(Image) || Image.Any(char.IsWhiteSpace)) problems.Add($"--image must be an image reference, not '{Image}'");
        return problems;
    }

    /// <summary>An RFC 1123 label, as Kubernetes requires of namespace and Service names.</summary>
    private static bool IsDnsLabel(string value) =>
        value.Length is > 0 and <= 63
        && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
        && value[0] != '-' && value[^1] != '-';
}
