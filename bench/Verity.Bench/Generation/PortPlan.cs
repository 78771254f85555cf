namespace Verity.Bench.Generation;

/// <summary>A named container port.</summary>
internal sealed record PortPlan(string Name, int Port, string Protocol = "TCP");
