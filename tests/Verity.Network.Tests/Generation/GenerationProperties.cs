using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Network.Evaluation;
using Verity.Network.Flows;
using Verity.Network.Generation;
using Verity.Network.Model;

namespace Verity.Network.Tests.Generation;

/// <summary>
/// For random workloads (Deployments whose templates and bare Pods whose labels carry pod-template-hash and other
/// generated labels) and random observed connections between them (and to/from external addresses), the generated
/// policies — parsed back from their YAML and judged by the reference evaluator, not the engine the proof uses —
/// allow every observed connection, and deny every unobserved workload connection (on a declared port) into a
/// generated namespace, so at least one whenever one exists.
/// </summary>
public sealed class GenerationProperties
{
    private static readonly (string? Name, int Number, string Protocol)[] PortChoices =
        [("http", 80, "TCP"), ("web", 8080, "TCP"), (null, 5432, "TCP"), ("dns", 53, "UDP"), (null, 9000, "SCTP")];

    [Property(MaxTest = 150)]
    public Property GeneratedPoliciesAllowExactlyTheObservedConnections(int seed, bool egress)
    {
        var random = new Random(seed);
        var yaml = RandomWorkloads(random);
        var loaded = ManifestParser.Parse(yaml, "random.yaml");
        var snapshot = SnapshotBuilder.Build(loaded.Objects);
        var model = NetworkModel.FromSnapshot(snapshot);
        var peers = WorkloadPeers(snapshot, model);
        var observed = RandomConnections(random, peers);

        var result = PolicyGenerator.Generate(snapshot, observed, new GenerationOptions { Egress = egress });
        var proof = GenerationProof.Verify(model, observed, result);
        var parsed = ManifestParser.Parse(result.Yaml, "generated.yaml");
        var after = NetworkModel.FromSnapshot(SnapshotBuilder.Build(loaded.Objects.Concat(parsed.Objects)));
        var problems = new List<string>();
        problems.AddRange(loaded.Diagnostics.Concat(parsed.Diagnostics).Select(d => d.ToString()));

        foreach (var c in observed)
        {
            if (!Allowed(after, c.From.Endpoint!, c.To.Endpoint!, c.Port!.Value, c.Protocol!.Value))
                problems.Add($"observed but denied: {PolicyGenerator.Describe(c)}");
        }
        if (!proof.Passed || proof.Unverified.Count > 0 || proof.Verified != result.Covered.Count || result.Skipped.Count > 0)
            problems.Add($"proof: passed={proof.Passed} verified={proof.Verified} unverified={proof.Unverified.Count}");

        var generatedNs = result.Namespaces.Select(n => n.Namespace).ToHashSet();
        var seen = observed.Select(c => $"{c.From.Id}|{c.To.Id}|{c.Port}/{c.Protocol}").ToHashSet();
        var unobserved = 0;
        var workloads = peers.Where(p => p.Kind == FlowPeerKind.Workload).ToList();
        foreach (var from in workloads)
        {
            foreach (var to in workloads.Where(t => t.Id != from.Id && generatedNs.Contains(t.Namespace!)))
            {
                foreach (var port in to.Endpoint!.Ports.Where(p => !seen.Contains($"{from.Id}|{to.Id}|{p.Number}/{p.Protocol}")))
                {
                    unobserved++;
                    if (Allowed(after, from.Endpoint!, to.Endpoint, port.Number, port.Protocol))
                        problems.Add($"unobserved but allowed: {from.Id} -> {to.Id} {port.Number}/{port.Protocol}");
                }
            }
        }
        // The proof's over-permission counts (bulk class matrix) against a pair-by-pair count with the reference evaluator.
        var (governed, governedAllowed) = (0, 0);
        foreach (var from in workloads)
        {
            foreach (var to in workloads.Where(t => t.Id != from.Id && (generatedNs.Contains(t.Namespace!) || egress && generatedNs.Contains(from.Namespace!))))
            {
                foreach (var port in to.Endpoint!.Ports.Select(p => (p.Number, p.Protocol)).Distinct().Where(p => !seen.Contains($"{from.Id}|{to.Id}|{p.Number}/{p.Protocol}")))
                {
                    governed++;
                    if (Allowed(after, from.Endpoint!, to.Endpoint, port.Number, port.Protocol)) governedAllowed++;
                }
            }
        }
        var counted = (proof.OverPermission.Sum(o => o.Unobserved), proof.OverPermission.Sum(o => o.Allowed));
        if (counted != (governed, governedAllowed)) problems.Add($"over-permission counted {counted}, reference {(governed, governedAllowed)}");
        return (problems.Count == 0).Label($"{string.Join("\n", problems.Take(8))}\nunobserved={unobserved}\n{yaml}\n---\n{result.Yaml}");
    }

    private static bool Allowed(NetworkModel model, Endpoint from, Endpoint to, int port, Protocol protocol)
    {
        // Endpoints of the model before generation are looked up again by id in the model after it.
        var f = from.Kind == EndpointKind.External ? from : model.Endpoints.Single(e => e.Id == from.Id);
        var t = to.Kind == EndpointKind.External ? to : model.Endpoints.Single(e => e.Id == to.Id);
        return ReachabilityEvaluator.Evaluate(model, f, t, port, protocol).Allowed;
    }

    /// <summary>2–6 workloads over 1–3 namespaces: Deployments and bare Pods with a unique app label, a shared instance label, and generated labels.</summary>
    private static string RandomWorkloads(Random random)
    {
        var namespaces = Enumerable.Range(0, random.Next(1, 4)).Select(i => $"ns{i}").ToList();
        var docs = namespaces.Select(ns => $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {ns}\n").ToList();
        for (var i = 0; i < random.Next(2, 7); i++)
        {
            var ns = namespaces[random.Next(namespaces.Count)];
            var labels = new StringBuilder($"        app: w{i}\n        app.kubernetes.io/instance: shop\n        pod-template-hash: \"{random.Next(100000, 999999):x}\"\n");
            if (random.Next(2) == 0) labels.Append($"        controller-revision-hash: w{i}-{random.Next(1000)}\n");
            if (random.Next(2) == 0) labels.Append("        tier: \"" + (random.Next(2) == 0 ? "front" : "back") + "\"\n");
            var ports = new StringBuilder();
            foreach (var (name, number, protocol) in PortChoices.OrderBy(_ => random.Next()).Take(random.Next(1, 3)))
                ports.Append($"            - {{{(name is null ? "" : $"name: {name}, ")}containerPort: {number}, protocol: {protocol}}}\n");
            var spec = $"      containers:\n        - name: c\n          image: example/w{i}:1.0\n          ports:\n{ports}";
            if (random.Next(2) == 0)
            {
                docs.Add($"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: w{i}\n  namespace: {ns}\nspec:\n  selector:\n    matchLabels:\n      app: w{i}\n  template:\n    metadata:\n      labels:\n{labels}    spec:\n{spec}");
            }
            else
            {
                docs.Add($"apiVersion: v1\nkind: Pod\nmetadata:\n  name: w{i}\n  namespace: {ns}\n  labels:\n{labels.ToString().Replace("        ", "    ")}spec:\n  containers:\n    - name: c\n      image: example/w{i}:1.0\n      ports:\n{ports.ToString().Replace("            ", "        ")}status:\n  podIP: 10.0.{i}.{random.Next(2, 250)}\n");
            }
        }
        return string.Join("---\n", docs);
    }

    /// <summary>One peer per workload (its endpoint in the model), as the flow mapper builds them, plus two external addresses.</summary>
    private static List<FlowPeer> WorkloadPeers(Snapshot snapshot, NetworkModel model)
    {
        var peers = new List<FlowPeer>();
        foreach (var endpoint in model.Endpoints.Where(e => e.Source is not null))
        {
            var workload = endpoint.Kind == EndpointKind.Pod ? snapshot.WorkloadOf(endpoint.Source!) : snapshot.Workloads.FirstOrDefault(w => ReferenceEquals(w.Object, endpoint.Source));
            if (workload is null) continue;
            var id = $"{workload.Namespace}/{workload.Kind.ToLowerInvariant()}/{workload.Name}";
            if (peers.All(p => p.Id != id)) peers.Add(new FlowPeer(FlowPeerKind.Workload, id, workload.Namespace, endpoint));
        }
        foreach (var ip in new[] { "203.0.113.9", "198.51.100.20" })
            peers.Add(new FlowPeer(FlowPeerKind.External, ip, null, Endpoint.External(IPAddress.Parse(ip))));
        return peers;
    }

    /// <summary>Random observed connections on ports the destination declares (to an external address: 443/TCP).</summary>
    private static List<ObservedConnection> RandomConnections(Random random, List<FlowPeer> peers)
    {
        var connections = new Dictionary<string, ObservedConnection>();
        for (var i = 0; i < random.Next(1, 10); i++)
        {
            var from = peers[random.Next(peers.Count)];
            var to = peers[random.Next(peers.Count)];
            if (from.Id == to.Id || from.Kind == FlowPeerKind.External && to.Kind == FlowPeerKind.External) continue;
            var (port, protocol) = to.Kind == FlowPeerKind.External
                ? (443, Protocol.TCP)
                : to.Endpoint!.Ports[random.Next(to.Endpoint.Ports.Count)] is var p ? (p.Number, p.Protocol) : default;
            connections.TryAdd($"{from.Id}|{to.Id}|{port}/{protocol}", new ObservedConnection(from, to, port, protocol, random.Next(1, 100), ["FORWARDED"], false));
        }
        return [.. connections.Values];
    }
}
