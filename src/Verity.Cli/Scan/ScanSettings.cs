using Verity.Cli.Input;
using Verity.Cli.Output;

namespace Verity.Cli.Scan;

/// <summary>What the user asked <c>verity scan</c> for, once the command line is parsed and validated.</summary>
internal sealed record ScanSettings
{
    public InputSettings Input { get; init; } = new();
    public OutputFormat Output { get; init; } = OutputFormat.Table;
    public bool NoColor { get; init; }

    /// <summary>Observed flow captures (<c>--flows</c>) to audit against the current policies; none: no traffic section.</summary>
    public IReadOnlyList<string> Flows { get; init; } = [];

    /// <summary>A guardrail policy config (<c>--config</c>): adds the admission guardrail results per namespace; null: none.</summary>
    public string? Config { get; init; }

    /// <summary>Exit 1 when the overall score is below this (0–100); null: never.</summary>
    public int? FailUnder { get; init; }

    /// <summary><c>--trust-domain</c>: the trust domain of the workload identities reported (default cluster.local).</summary>
    public Verity.Identity.TrustDomain TrustDomain { get; init; } = Verity.Identity.TrustDomain.Parse("cluster.local");
}
