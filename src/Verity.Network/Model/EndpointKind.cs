namespace Verity.Network.Model;

/// <summary>What an endpoint stands for.</summary>
public enum EndpointKind
{
    /// <summary>A pod of the snapshot (<c>namespace/name</c>).</summary>
    Pod,
    /// <summary>A workload's pod template, when the snapshot has no pods for it (<c>namespace/kind/name</c>).</summary>
    Workload,
    /// <summary>An address outside the cluster (an IP).</summary>
    External,
}
