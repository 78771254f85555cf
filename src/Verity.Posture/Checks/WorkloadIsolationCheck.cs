using Verity.Core.Model;
using Verity.Core.Snapshots;
using Verity.Network.Evaluation;
using Verity.Network.Model;
using Verity.Posture.Isolation;

namespace Verity.Posture.Checks;

/// <summary>
/// VT-NET-002/003: a workload whose pods are not isolated in one direction, as <see cref="IsolationAnalyzer"/>
/// defines it (semantically, from the network engine's verdicts — not from policy names or selectors).
/// <para>
/// Subjects: the workloads of the namespaces in <see cref="NetworkIsolationScope"/> that have a pod
/// NetworkPolicy applies to (host-network workloads are left out: no NetworkPolicy can isolate them). A
/// workload fails when any of its pods (in a dump) or its pod template (in manifests) is not isolated; so each
/// namespace's score follows its share of isolated workloads. The message gives the namespace's share of
/// isolated pods; the evidence names the probe that got through, on which ports, and the policy rule (or
/// Kubernetes' default) that let it.
/// </para>
/// </summary>
internal abstract class WorkloadIsolationCheck : IPostureCheck
{
    public abstract string Id { get; }
    public abstract Severity Severity { get; }
    public abstract string Title { get; }
    public IReadOnlyList<string> Controls { get; } = [Posture.Controls.Cis532, Posture.Controls.NsaNetworkPolicies];

    protected abstract Direction Direction { get; }

    public IEnumerable<ResourceRef> Subjects(Snapshot snapshot) =>
        ByWorkload(snapshot, IsolationAnalyzer.For(snapshot)).SelectMany(ns => ns.Workloads.Select(w => w.Workload.Ref));

    public IEnumerable<Finding> Evaluate(Snapshot snapshot)
    {
        var analyzer = IsolationAnalyzer.For(snapshot);
        foreach (var (ns, workloads) in ByWorkload(snapshot, analyzer))
        {
            var verdicts = workloads.Select(w => (w.Workload, Endpoints: w.Endpoints.Select(e => (Endpoint: e, Verdict: analyzer.Check(e, Direction))).ToList())).ToList();
            var share = new IsolationShare(verdicts.Sum(w => w.Endpoints.Count(e => e.Verdict.Isolated)), verdicts.Sum(w => w.Endpoints.Count));
            foreach (var (workload, endpoints) in verdicts)
            {
                if (endpoints.FirstOrDefault(e => !e.Verdict.Isolated) is not ({ } endpoint, { } verdict)) continue;
                yield return Fail(workload, share, endpoint, verdict);
            }
        }
    }

    private Finding Fail(Workload workload, IsolationShare share, Endpoint endpoint, IsolationVerdict verdict)
    {
        var word = Direction == Direction.Ingress ? "ingress" : "egress";
        var what = $"{workload.Kind} \"{workload.Name}\"";
        var shareText = $"{share} pods in namespace \"{workload.Namespace}\" are isolated for {word}";
        var (message, remediation) = verdict.OpenedByRule
            ? ($"{what} is not isolated for {word}: a rule of {verdict.Reason!.Policy} lets {(Direction == Direction.Ingress ? "a source" : "a destination")} no policy names through ({shareText}); narrow that rule",
               $"Change the rule of {verdict.Reason.Policy} that matched so it names the {(Direction == Direction.Ingress ? "sources" : "destinations")} and ports this flow needs (namespaceSelector/podSelector with labels, or a specific ipBlock), or remove it if the flow is no longer used.")
            : ($"{what} is not isolated for {word}: no NetworkPolicy selects it for {word} ({shareText}); select it with a default-deny {word} policy",
               Direction == Direction.Ingress
                   ? $"Apply a NetworkPolicy in namespace \"{workload.Namespace}\" that selects these pods (podSelector: {{}} selects every pod of the namespace) with policyTypes: [Ingress], then allow only the sources they need."
                   : $"Apply a NetworkPolicy in namespace \"{workload.Namespace}\" that selects these pods (podSelector: {{}} selects every pod of the namespace) with policyTypes: [Egress], allow DNS (namespace kube-system, pods k8s-app=kube-dns, port 53 UDP and TCP), then only the destinations they need.");
        return new Finding(Id, Severity, workload.Ref, message, remediation, $"{endpoint.Id} {verdict.Evidence}", Controls,
            workload.Object.LocationOf(TemplateLabels(workload)));
    }

    /// <summary>Per namespace in scope, its workloads that have policy targets, each with its endpoints.</summary>
    private static IEnumerable<(string Namespace, List<(Workload Workload, List<Endpoint> Endpoints)> Workloads)> ByWorkload(Snapshot snapshot, IsolationAnalyzer analyzer)
    {
        var workloadByRef = snapshot.Workloads.ToDictionary(w => w.Ref);
        foreach (var ns in NetworkIsolationScope.Namespaces(snapshot))
        {
            var workloads = analyzer.Targets(ns.Name)
                .Select(e => (Endpoint: e, Workload: e.Kind == EndpointKind.Pod ? snapshot.WorkloadOf(e.Source!) : workloadByRef.GetValueOrDefault(e.Source!.Ref)))
                .Where(x => x.Workload is not null)
                .GroupBy(x => x.Workload!.Ref)
                .Select(g => (g.First().Workload!, g.Select(x => x.Endpoint).ToList()))
                .ToList();
            if (workloads.Count > 0) yield return (ns.Name, workloads);
        }
    }

    /// <summary>The pod template's labels — what policies select on.</summary>
    private static IReadOnlyList<object> TemplateLabels(Workload workload) => workload.Kind switch
    {
        "Pod" => ["metadata", "labels"],
        "CronJob" => ["spec", "jobTemplate", "spec", "template", "metadata", "labels"],
        _ => ["spec", "template", "metadata", "labels"],
    };
}
