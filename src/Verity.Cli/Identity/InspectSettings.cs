using Verity.Identity;

namespace Verity.Cli.Identity;

/// <summary><c>identity inspect</c> once parsed: the certificate file, the own-trust-domain bundle, federated bundles, the format.</summary>
internal sealed record InspectSettings
{
    public required string Certificate { get; init; }
    public string? Bundle { get; init; }
    public TrustDomain? BundleTrustDomain { get; init; }
    public IReadOnlyList<(TrustDomain TrustDomain, string File)> Federated { get; init; } = [];
    public bool Json { get; init; }
}
