namespace Verity.Identity.Workloads;

/// <summary>
/// One service account's SPIFFE ID (<c>spiffe://TD/ns/NS/sa/SA</c>) and the workloads that would present it. More than
/// one workload means they cannot be told apart by identity (<see cref="Shared"/>): a policy that trusts one trusts all.
/// <see cref="Declared"/> is false when no ServiceAccount object with this name is among the inputs.
/// </summary>
public sealed record ServiceAccountIdentity(string Namespace, string ServiceAccount, SpiffeId Id, IReadOnlyList<string> Workloads, bool Declared)
{
    public bool Shared => Workloads.Count > 1;

    /// <summary>The namespace's <c>default</c> service account: an identity every pod gets unless it names another.</summary>
    public bool IsDefault => ServiceAccount == "default";
}
