using Verity.Rbac.Authorization;

namespace Verity.Rbac.Risks;

/// <summary>
/// The answer to a probe, requirement, alternative or check in one scope: allowed for every object
/// (<see cref="Full"/>), for the listed <see cref="Names"/> only, or not at all (neither). <see cref="Grants"/>
/// are the grants that allow it; <see cref="TouchesCluster"/> is true when a cluster-scoped request is among them.
/// </summary>
internal sealed record CheckResult(bool Full, IReadOnlyList<string> Names, IReadOnlyList<Grant> Grants, bool TouchesCluster)
{
    public static CheckResult None { get; } = new(false, [], [], false);

    public bool Holds => Full || Names.Count > 0;
}
