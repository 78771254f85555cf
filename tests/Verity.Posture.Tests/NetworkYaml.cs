namespace Verity.Posture.Tests;

/// <summary>Small YAML builders for the network isolation tests.</summary>
internal static class NetworkYaml
{
    public static string Namespace(string name, string labels = "") => $$"""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: {{name}}
          labels: {{{labels}}}
        """;

    /// <summary>A Deployment <paramref name="name"/> (pods labelled app=name) serving <c>http</c> on 8080/TCP.</summary>
    public static string App(string name, string ns = "shop", string extra = "") => TestSnapshots.Deployment(name, $"""
        {extra}
        containers:
          - name: {name}
            image: {name}:1.0
            ports:
              - {"{"}name: http, containerPort: 8080{"}"}
        """, ns);

    /// <summary>A networking.k8s.io/v1 NetworkPolicy; <paramref name="spec"/> is the body of <c>spec</c>.</summary>
    public static string NetworkPolicy(string ns, string name, string spec) => $"""
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: {name}
          namespace: {ns}
        spec:
        {Indent(spec)}
        """;

    public static string ClusterNetworkPolicy(string name, string spec) => $"""
        apiVersion: policy.networking.k8s.io/v1alpha2
        kind: ClusterNetworkPolicy
        metadata:
          name: {name}
        spec:
        {Indent(spec)}
        """;

    public static string DenyAll(string ns, string types = "[Ingress, Egress]") => NetworkPolicy(ns, "default-deny", $"podSelector: {{}}\npolicyTypes: {types}");

    public static string Join(params string[] documents) => string.Join("\n---\n", documents);

    private static string Indent(string text) =>
        string.Join('\n', text.Replace("\r", "").Trim('\n').Split('\n').Select(l => "  " + l));
}
