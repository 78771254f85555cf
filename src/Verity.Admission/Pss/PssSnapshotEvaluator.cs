using Verity.Core.Snapshots;

namespace Verity.Admission.Pss;

/// <summary>
/// Judges a whole snapshot: every Pod, and every workload's pod template (Deployment, StatefulSet, DaemonSet,
/// ReplicaSet, Job, CronJob, ReplicationController — the top of each owner chain). PSA enforces on Pods and only warns
/// and audits on templates; judging both shows what would be rejected now and what a rollout would create. A pod owned
/// by a workload in the input is judged in its own right too. Results are ordered by namespace, kind, name (ordinal).
/// </summary>
public static class PssSnapshotEvaluator
{
    public static IReadOnlyList<PssResult> Evaluate(Snapshot snapshot, PssSnapshotOptions? options = null, PodSecurityEvaluator? evaluator = null)
    {
        options ??= new PssSnapshotOptions();
        evaluator ??= PodSecurityEvaluator.Default;
        var policies = new Dictionary<string, PssPolicy>(StringComparer.Ordinal);
        PssPolicy PolicyOf(string ns)
        {
            if (policies.TryGetValue(ns, out var known)) return known;
            var labels = snapshot.Namespace(ns)?.Labels ?? new Dictionary<string, string>();
            var policy = PssNamespacePolicy.FromLabels(labels, options.Defaults);
            if (options.Enforce is { } enforce) policy = policy with { Enforce = enforce };
            return policies[ns] = policy;
        }

        var results = new List<PssResult>();
        foreach (var workload in snapshot.Workloads.Where(w => w.Kind != "Pod"))
        {
            var policy = PolicyOf(workload.Namespace);
            results.Add(new PssResult(workload.Object, policy,
                evaluator.EvaluateTemplate(policy.Enforce, workload.Template),
                evaluator.EvaluateTemplate(policy.Audit, workload.Template),
                evaluator.EvaluateTemplate(policy.Warn, workload.Template)));
        }
        foreach (var pod in snapshot.Pods)
        {
            var policy = PolicyOf(pod.Object.Namespace ?? "");
            results.Add(new PssResult(pod.Object, policy,
                evaluator.EvaluatePod(policy.Enforce, pod.Value),
                evaluator.EvaluatePod(policy.Audit, pod.Value),
                evaluator.EvaluatePod(policy.Warn, pod.Value)));
        }
        return results.OrderBy(r => r.Namespace, StringComparer.Ordinal).ThenBy(r => r.Kind, StringComparer.Ordinal)
            .ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }
}
