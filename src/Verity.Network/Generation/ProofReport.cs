using Verity.Core.Model;
using Verity.Network.Flows;

namespace Verity.Network.Generation;

/// <summary>
/// What <see cref="GenerationProof"/> found. <see cref="Denied"/>: observed connections the generated policies were
/// meant to allow but the engine denies — must be empty; anything here is a generator bug (or a cluster-wide deny
/// the generated policies cannot override). <see cref="Unverified"/>: covered connections the engine cannot
/// evaluate (a peer outside the snapshot, e.g. DNS to an unlisted kube-dns pod). <see cref="OverPermission"/>:
/// what is allowed but never observed, per namespace pair. <see cref="Diagnostics"/>: problems loading the
/// generated YAML (a bug as well).
/// </summary>
public sealed record ProofReport(
    int Verified,
    IReadOnlyList<ObservedConnection> Denied,
    IReadOnlyList<ObservedConnection> Unverified,
    IReadOnlyList<OverPermission> OverPermission,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Passed => Denied.Count == 0 && !Diagnostics.Any(d => d.Level == DiagnosticLevel.Error);
}
