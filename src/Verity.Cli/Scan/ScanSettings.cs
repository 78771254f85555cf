using Verity.Cli.Output;

namespace Verity.Cli.Scan;

/// <summary>What the user asked <c>verity scan</c> for, once the command line is parsed and validated.</summary>
internal sealed record ScanSettings
{
    /// <summary>Files, directories (recursive) or <c>-</c> for stdin; empty means "read the live cluster".</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>kubectl's <c>-n</c>: the namespace of objects written without one; for a live cluster, the only namespace read.</summary>
    public string? Namespace { get; init; }

    public string? Kubeconfig { get; init; }
    public string? Context { get; init; }
    public OutputFormat Output { get; init; } = OutputFormat.Table;
    public bool NoColor { get; init; }

    /// <summary>Exit 1 when the overall score is below this (0–100); null: never.</summary>
    public int? FailUnder { get; init; }

    public bool ReadsLiveCluster => Files.Count == 0;
}
