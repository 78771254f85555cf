namespace Verity.Network.Flows;

/// <summary>An observed connection the engine cannot judge (node/host traffic, a pod the snapshot lacks, no L4 port), and why.</summary>
public sealed record UnevaluatedConnection(ObservedConnection Observed, string Reason);
