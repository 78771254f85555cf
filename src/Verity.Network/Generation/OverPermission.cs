namespace Verity.Network.Generation;

/// <summary>
/// Connections the generated policies (with the snapshot's own) allow between workloads of
/// <see cref="FromNamespace"/> and <see cref="ToNamespace"/> on the destinations' declared ports that were never
/// observed: <see cref="Allowed"/> of <see cref="Unobserved"/> such (workload pair, port) combinations, listed in
/// <see cref="Connections"/> as <c>from -> to port/protocol</c>.
/// </summary>
public sealed record OverPermission(string FromNamespace, string ToNamespace, int Allowed, int Unobserved, IReadOnlyList<string> Connections);
