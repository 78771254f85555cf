namespace Verity.Network.Model;

/// <summary>Choices where implementations of NetworkPolicy disagree.</summary>
public sealed record NetworkOptions
{
    /// <summary>
    /// Whether an <c>ipBlock</c> matches in-cluster pods by their IP. True (the default) follows the upstream
    /// e2e tests and Calico; false follows Cilium (<c>--ipblock-matches-pods=false</c>).
    /// </summary>
    public bool IpBlockMatchesPods { get; init; } = true;
}
