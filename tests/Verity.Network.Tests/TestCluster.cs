using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Network.Evaluation;
using Verity.Network.Model;

namespace Verity.Network.Tests;

/// <summary>
/// Builds a <see cref="NetworkModel"/> from YAML the way the CLI does (ManifestParser → SnapshotBuilder →
/// NetworkModel) and asks it one connection at a time. The small YAML builders keep test inputs short and
/// readable; each returns one document, joined with <see cref="Yaml"/>.
/// </summary>
internal static class TestCluster
{
    public static NetworkModel FromYaml(string yaml, NetworkOptions? options = null)
    {
        var loaded = ManifestParser.Parse(yaml, "test.yaml");
        Assert.Empty(loaded.Diagnostics);
        return NetworkModel.FromSnapshot(SnapshotBuilder.Build(loaded.Objects), options);
    }

    public static NetworkModel Build(params string[] documents) => FromYaml(Yaml(documents));

    public static NetworkModel Build(NetworkOptions options, params string[] documents) => FromYaml(Yaml(documents), options);

    public static string Yaml(params string[] documents) => string.Join("\n---\n", documents);

    public static Endpoint Endpoint(this NetworkModel model, string text) =>
        model.Resolve(text) ?? throw new Xunit.Sdk.XunitException($"no endpoint {text}");

    public static ConnectionVerdict Can(this NetworkModel model, string from, string to, int port, Protocol protocol = Protocol.TCP) =>
        ReachabilityEvaluator.Evaluate(model, model.Endpoint(from), model.Endpoint(to), port, protocol);

    /// <summary>Asserts both directions at once: (allowed, tier) for egress, then for ingress.</summary>
    public static void AssertVerdict(this ConnectionVerdict verdict, bool egress, DecisionTier egressTier, bool ingress, DecisionTier ingressTier)
    {
        Assert.Equal((egress, egressTier, ingress, ingressTier),
            (verdict.Egress.Allowed, verdict.Egress.DecidedBy, verdict.Ingress.Allowed, verdict.Ingress.DecidedBy));
        Assert.Equal(egress && ingress, verdict.Allowed);
    }

    /// <summary>A Namespace object; <paramref name="labels"/> is the inside of a YAML flow map, e.g. "team: a".</summary>
    public static string Namespace(string name, string labels = "") => $$"""
        apiVersion: v1
        kind: Namespace
        metadata: {name: {{name}}, labels: { {{labels}} } }
        """;

    /// <summary>
    /// A pod <c>ns/name</c> with <c>status.podIP</c> <paramref name="ip"/> (none when null);
    /// <paramref name="ports"/> are YAML flow maps of container ports, e.g. "{name: http, containerPort: 8080}".
    /// </summary>
    public static string Pod(string id, string? ip, string labels = "", bool hostNetwork = false, params string[] ports)
    {
        var (ns, name) = Split(id);
        var host = hostNetwork ? "true" : "false";
        var status = ip is null ? "" : $"\nstatus: {{podIP: {ip}}}";
        return $$"""
            apiVersion: v1
            kind: Pod
            metadata: {name: {{name}}, namespace: {{ns}}, labels: { {{labels}} } }
            spec:
              hostNetwork: {{host}}
              containers:
              - name: main
                image: registry.example/app:1
                ports: [{{string.Join(", ", ports)}}]
            """ + status;
    }

    /// <summary>A Deployment (no pods): its endpoint is <c>ns/deployment/name</c> and has no IP.</summary>
    public static string Deployment(string id, string labels, params string[] ports)
    {
        var (ns, name) = Split(id);
        return $$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: {{name}}, namespace: {{ns}}}
            spec:
              selector: {matchLabels: { {{labels}} } }
              template:
                metadata: {labels: { {{labels}} } }
                spec:
                  containers:
                  - name: main
                    image: registry.example/app:1
                    ports: [{{string.Join(", ", ports)}}]
            """;
    }

    /// <summary>A NetworkPolicy <c>ns/name</c>; <paramref name="spec"/> is the YAML body of spec, indented by two spaces.</summary>
    public static string NetworkPolicy(string id, string spec)
    {
        var (ns, name) = Split(id);
        return $$"""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: {{name}}, namespace: {{ns}}}
            spec:
            {{Indent(spec)}}
            """;
    }

    /// <summary>A cluster-scoped policy object of <paramref name="kind"/> in <paramref name="apiVersion"/>.</summary>
    public static string ClusterObject(string apiVersion, string kind, string name, string spec) => $$"""
        apiVersion: {{apiVersion}}
        kind: {{kind}}
        metadata: {name: {{name}}}
        spec:
        {{Indent(spec)}}
        """;

    /// <summary>A policy.networking.k8s.io/v1alpha2 ClusterNetworkPolicy.</summary>
    public static string ClusterNetworkPolicy(string name, string spec) =>
        ClusterObject("policy.networking.k8s.io/v1alpha2", "ClusterNetworkPolicy", name, spec);

    private static string Indent(string text) =>
        string.Join("\n", text.Trim('\n').Split('\n').Select(line => "  " + line));

    private static (string Namespace, string Name) Split(string id)
    {
        var slash = id.IndexOf('/');
        return (id[..slash], id[(slash + 1)..]);
    }
}
