using System.Net;
using Verity.Server.Admission;

namespace Verity.Cli.Serve;

/// <summary><c>verity serve</c> once parsed: where to listen, the certificate files and what the webhook enforces.</summary>
internal sealed record ServeSettings
{
    public required IPEndPoint Listen { get; init; }
    public required string CertificateFile { get; init; }
    public required string KeyFile { get; init; }
    public required AdmissionConfig Admission { get; init; }
    /// <summary>Manifest files or directories whose Namespace labels override the defaults (<c>--namespaces</c>).</summary>
    public IReadOnlyList<string> NamespaceFiles { get; init; } = [];

    /// <summary><c>--policies</c>: manifests with ValidatingAdmissionPolicies, bindings and their params objects.</summary>
    public IReadOnlyList<string> PolicyFiles { get; init; } = [];
    /// <summary>The guardrail policy config (<c>--config</c>), or null for the defaults (every guardrail audits).</summary>
    public string? ConfigFile { get; init; }

    /// <summary><c>--watch-namespaces</c>: namespace labels come from the live cluster (list + watch) instead of files.</summary>
    public bool WatchNamespaces { get; init; }

    /// <summary>The cluster to watch: <c>--kubeconfig</c>, <c>--context</c> (both null: $KUBECONFIG, ~/.kube/config, in-cluster).</summary>
    public Verity.Kube.LiveClusterOptions Cluster { get; init; } = new();
    public long MaxRequestBodyBytes { get; init; }
    public TimeSpan RequestTimeout { get; init; }
}
