namespace Verity.Cli.Identity;

/// <summary><c>verity identity serve</c> once parsed.</summary>
internal sealed record IdentityServeSettings
{
    public required string CaDir { get; init; }

    /// <summary>The Unix socket path, made absolute.</summary>
    public required string SocketPath { get; init; }

    public required string EntriesFile { get; init; }

    /// <summary><c>--svid-ttl</c>; null: the CA's leaf TTL (from ca.json, default 1h).</summary>
    public TimeSpan? SvidTtl { get; init; }

    /// <summary><c>--kubelet-dir</c>: where k8s:ns/k8s:sa selectors are resolved from (pods' projected service account tokens).</summary>
    public required string KubeletDir { get; init; }
}
