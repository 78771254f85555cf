namespace Verity.Cli.Input;

/// <summary>Where a command reads its cluster from, once the command line is parsed: <c>-f</c> paths, or a live cluster.</summary>
internal sealed record InputSettings
{
    /// <summary>Files, directories (recursive) or <c>-</c> for stdin; empty means "read the live cluster".</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>kubectl's <c>-n</c>: the namespace of objects written without one; for a live cluster, the only namespace read.</summary>
    public string? Namespace { get; init; }

    public string? Kubeconfig { get; init; }
    public string? Context { get; init; }

    public bool ReadsLiveCluster => Files.Count == 0;
}
