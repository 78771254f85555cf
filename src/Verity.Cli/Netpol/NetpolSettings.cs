using Verity.Cli.Input;
using Verity.Cli.Output;

namespace Verity.Cli.Netpol;

/// <summary>What every <c>verity netpol</c> subcommand is given: its input, the ipBlock semantics and the output format.</summary>
internal sealed record NetpolSettings
{
    public InputSettings Input { get; init; } = new();

    /// <summary><c>--ipblock-matches-pods</c>: true (default) as upstream e2e tests and Calico; false as Cilium.</summary>
    public bool IpBlockMatchesPods { get; init; } = true;

    public OutputFormat Output { get; init; } = OutputFormat.Table;
    public bool NoColor { get; init; }
}
