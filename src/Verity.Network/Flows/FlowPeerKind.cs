namespace Verity.Network.Flows;

/// <summary>What an observed flow's endpoint turned out to be in the snapshot.</summary>
public enum FlowPeerKind
{
    /// <summary>A workload of the snapshot (through its pod, its labels or its IP).</summary>
    Workload,
    /// <summary>An address outside the cluster.</summary>
    External,
    /// <summary>A node or the host network (Hubble reserved:host/remote-node); reported separately, never evaluated.</summary>
    Host,
    /// <summary>A pod the snapshot does not hold and cannot be matched by labels or IP.</summary>
    Unmapped,
}
