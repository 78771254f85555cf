using Verity.Core.Snapshots;
using Verity.Network.Evaluation;

namespace Verity.Posture.Isolation;

/// <summary>
/// The network model of a snapshot as the scan's isolation checks compiled it (default options), for the edge to
/// reuse — e.g. <c>scan --flows</c> audits the observed traffic against the same model instead of compiling it again.
/// </summary>
public static class SnapshotNetwork
{
    public static NetworkModel ModelOf(Snapshot snapshot) => IsolationAnalyzer.For(snapshot).Model;
}
