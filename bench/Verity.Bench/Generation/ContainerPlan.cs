namespace Verity.Bench.Generation;

/// <summary>One container of a workload's pods.</summary>
internal sealed record ContainerPlan(string Name, string Image, IReadOnlyList<PortPlan> Ports, bool IsSidecar);
