namespace Verity.Network.Generation;

/// <summary>
/// What <see cref="PolicyGenerator"/> generates. <see cref="Namespaces"/>: the namespaces to lock down (empty: every
/// namespace that has a workload in an observed connection). <see cref="Egress"/>: restrict egress too (the
/// default-deny then covers Egress and DNS to kube-dns is allowed). <see cref="CidrPrefix"/>: the prefix external
/// IPv4 addresses are widened to (IPv6 addresses are always /128).
/// </summary>
public sealed record GenerationOptions
{
    public IReadOnlyList<string> Namespaces { get; init; } = [];
    public bool Egress { get; init; }
    public int CidrPrefix { get; init; } = 32;
}
