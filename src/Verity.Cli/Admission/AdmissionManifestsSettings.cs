using Verity.Server.Install;

namespace Verity.Cli.Admission;

/// <summary>The parsed flags of <c>admission manifests</c>.</summary>
internal sealed record AdmissionManifestsSettings
{
    public required WebhookInstallOptions Options { get; init; }

    /// <summary>The policy config file to ship, or null.</summary>
    public string? Config { get; init; }

    /// <summary>The output file, or null for stdout.</summary>
    public string? Out { get; init; }

    /// <summary><c>--mutate none</c> was given together with a mutation: contradictory.</summary>
    public bool NoneWithOthers { get; init; }
}
