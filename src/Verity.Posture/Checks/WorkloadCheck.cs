using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Posture.Checks;

/// <summary>
/// A check whose subjects are the snapshot's workloads (Deployments, StatefulSets, DaemonSets, Jobs,
/// CronJobs, ReplicaSets, ReplicationControllers and bare Pods — the top of each owner chain, so a
/// Deployment and its ReplicaSets and Pods in a dump count once).
/// </summary>
internal abstract class WorkloadCheck : IPostureCheck
{
    public abstract string Id { get; }
    public abstract Severity Severity { get; }
    public abstract string Title { get; }
    public abstract IReadOnlyList<string> Controls { get; }

    public IEnumerable<ResourceRef> Subjects(Snapshot snapshot) => snapshot.Workloads.Select(w => w.Ref);

    public IEnumerable<Finding> Evaluate(Snapshot snapshot)
    {
        var index = new WorkloadIndex(snapshot);
        return snapshot.Workloads.SelectMany(w => Evaluate(index, w));
    }

    /// <summary>The findings on one workload; <paramref name="index"/> answers look-ups across the snapshot.</summary>
    protected abstract IEnumerable<Finding> Evaluate(WorkloadIndex index, Workload workload);

    protected Finding Fail(Workload workload, string message, string remediation, string? evidence, SourceLocation? source) =>
        new(Id, Severity, workload.Ref, message, remediation, evidence, Controls, source);

    /// <summary>"Deployment \"web\"", for messages.</summary>
    protected static string Describe(Workload workload) => $"{workload.Kind} \"{workload.Name}\"";
}
