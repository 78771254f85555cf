using System.Runtime.CompilerServices;
using Verity.Admission.Pss;
using Verity.Core.Snapshots;

namespace Verity.Posture.Pss;

/// <summary>
/// The Pod Security Standards verdicts of a snapshot's workloads as the scorecard uses them, computed once per
/// snapshot and shared by the VT-PSS checks (a memo on an immutable snapshot): each workload — its pod template, or
/// a bare Pod as the API server would admit it — judged at <c>baseline:latest</c>, at <c>restricted:latest</c>, and
/// at the level its namespace enforces (<c>pod-security.kubernetes.io/enforce</c>, read as Pod Security Admission
/// reads it; no label is <c>privileged</c>). The engine is <see cref="PodSecurityEvaluator"/> (docs/pss.md).
/// </summary>
public sealed class PssPosture
{
    private static readonly ConditionalWeakTable<Snapshot, PssPosture> PerSnapshot = new();
    private static readonly PssLevelVersion Baseline = new(PssLevel.Baseline, PssVersion.Latest);
    private static readonly PssLevelVersion Restricted = new(PssLevel.Restricted, PssVersion.Latest);

    private PssPosture(Snapshot snapshot)
    {
        var evaluator = PodSecurityEvaluator.Default;
        var verdicts = new List<PssWorkloadVerdict>();
        foreach (var workload in snapshot.Workloads)
        {
            var labels = snapshot.Namespace(workload.Namespace)?.Labels ?? new Dictionary<string, string>();
            var enforce = PssNamespacePolicy.FromLabels(labels, null).Enforce;
            verdicts.Add(new PssWorkloadVerdict(workload, Judge(evaluator, workload, Baseline), Judge(evaluator, workload, Restricted),
                Judge(evaluator, workload, enforce)));
        }
        Workloads = verdicts;
    }

    public static PssPosture For(Snapshot snapshot) => PerSnapshot.GetValue(snapshot, s => new PssPosture(s));

    /// <summary>Every workload of the snapshot with its three verdicts, in snapshot order.</summary>
    public IReadOnlyList<PssWorkloadVerdict> Workloads { get; }

    private static PssDecision Judge(PodSecurityEvaluator evaluator, Workload workload, PssLevelVersion policy) =>
        workload.Kind == "Pod" && workload.Pods.Count > 0
            ? evaluator.EvaluatePod(policy, workload.Pods[0].Value)
            : evaluator.EvaluateTemplate(policy, workload.Template);
}
