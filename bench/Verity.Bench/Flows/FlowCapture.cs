using System.Text;
using System.Text.Json;
using Verity.Bench.Generation;
using Verity.Core.Snapshots;

namespace Verity.Bench.Flows;

/// <summary>
/// Writes a synthetic Hubble capture of a snapshot's traffic in the exact form of the real captures in
/// <c>realworld/hubble-flows</c> (<c>{"flow":{...},"node_name":...,"time":...}</c>: ethernet, IP, l4 with flags,
/// source and destination with ID, identity, namespace, <c>k8s:</c> labels including Cilium's own, and pod name, Type, event_type, traffic_direction, trace_observation_point, is_reply, Summary), about 1.4 KB a line.
/// Traffic: every application workload talks to two workloads of its namespace and one elsewhere on their first
/// declared port, looks up DNS at the cluster's coredns, and one in twenty calls an external address on 443;
/// 40% of the lines are replies. Pods, ports and order are drawn from a seeded random source.
/// </summary>
internal static class FlowCapture
{
    public sealed record Peer(string Namespace, string Pod, string Ip, string ServiceAccount, IReadOnlyDictionary<string, string> Labels, long Identity);

    public sealed record Conversation(Workload From, IReadOnlyList<Peer> To, int Port, string Protocol);

    /// <summary>Writes <paramref name="lines"/> flow lines; returns the conversations they were drawn from.</summary>
    public static IReadOnlyList<Conversation> Write(Snapshot snapshot, Stream output, int lines, int seed)
    {
        var rng = DeterministicRandom.For(seed, "flows");
        var peers = snapshot.Workloads.Where(w => w.Pods.Count > 0).ToDictionary(w => w, Peers);
        var system = Catalog.SystemNamespaces.Select(n => n.Name).ToHashSet();
        var app = peers.Keys.Where(w => !system.Contains(w.Namespace) && Port(w) is not null).ToList();
        var dns = peers.Keys.First(w => w.Template.Metadata?.Labels is { } l && l.TryGetValue("k8s-app", out var v) && v == "kube-dns");
        var byNamespace = app.ToLookup(w => w.Namespace);
        var conversations = new List<Conversation>();
        foreach (var from in app)
        {
            var local = byNamespace[from.Namespace].Where(w => w != from).ToList();
            var targets = new List<Workload>();
            for (var i = 0; i < 2 && local.Count > 0; i++) targets.Add(rng.Pick(local));
            targets.Add(rng.Pick(app));
            foreach (var to in targets.Distinct()) conversations.Add(new Conversation(from, peers[to], Port(to)!.Value, "TCP"));
            conversations.Add(new Conversation(from, peers[dns], 53, "UDP"));
            if (rng.Chance(0.05))
                conversations.Add(new Conversation(from, [new Peer("", "", $"203.0.113.{rng.Next(1, 255)}", "", new Dictionary<string, string> { ["reserved:world"] = "" }, 2)], 443, "TCP"));
        }

        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        var time = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        var newline = "\n"u8.ToArray();
        for (var n = 0; n < lines; n++)
        {
            var c = conversations[rng.Next(conversations.Count)];
            var source = rng.Pick(peers[c.From]);
            var destination = rng.Pick(c.To);
            var reply = rng.Chance(0.4);
            time = time.AddTicks(rng.Next(1, 20_000));
            Line(writer, reply ? destination : source, reply ? source : destination, c, reply, time, rng);
            writer.Flush();
            output.Write(newline);
            writer.Reset();
        }
        return conversations;
    }

    private static int? Port(Workload w) =>
        w.Template.Spec?.Containers?.SelectMany(c => c.Ports ?? []).Select(p => (int?)p.ContainerPort).FirstOrDefault();

    private static List<Peer> Peers(Workload w) => w.Pods.Select(p => new Peer(
        w.Namespace, p.Object.Name, p.Value.Status?.PodIP ?? "10.0.0.1", w.ServiceAccountName,
        p.Object.Labels, 10_000 + (Math.Abs((long)StringComparer.Ordinal.GetHashCode(w.Namespace + "/" + w.Name)) % 50_000))).ToList();

    private static void Line(Utf8JsonWriter json, Peer source, Peer destination, Conversation c, bool reply, DateTimeOffset time, DeterministicRandom rng)
    {
        var stamp = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'");
        json.WriteStartObject();
        json.WriteStartObject("flow");
        json.WriteString("time", stamp);
        json.WriteString("verdict", "FORWARDED");
        json.WriteStartObject("ethernet");
        json.WriteString("source", Mac(source.Identity));
        json.WriteString("destination", Mac(destination.Identity));
        json.WriteEndObject();
        json.WriteStartObject("IP");
        json.WriteString("source", source.Ip);
        json.WriteString("destination", destination.Ip);
        json.WriteString("ipVersion", "IPv4");
        json.WriteEndObject();
        var ephemeral = rng.Next(32768, 60999);
        json.WriteStartObject("l4");
        json.WriteStartObject(c.Protocol);
        json.WriteNumber("source_port", reply ? c.Port : ephemeral);
        json.WriteNumber("destination_port", reply ? ephemeral : c.Port);
        if (c.Protocol == "TCP")
        {
            json.WriteStartObject("flags");
            json.WriteBoolean("ACK", true);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
        Endpoint(json, "source", source);
        Endpoint(json, "destination", destination);
        json.WriteString("Type", "L3_L4");
        json.WriteString("node_name", "worker-" + (source.Identity % 40));
        json.WriteStartObject("event_type");
        json.WriteNumber("type", 4);
        json.WriteNumber("sub_type", 3);
        json.WriteEndObject();
        json.WriteString("traffic_direction", reply ? "INGRESS" : "EGRESS");
        json.WriteString("trace_observation_point", "TO_ENDPOINT");
        json.WriteBoolean("is_reply", reply);
        json.WriteString("Summary", c.Protocol == "TCP" ? "TCP Flags: ACK" : "UDP");
        json.WriteEndObject();
        json.WriteString("node_name", "worker-" + (source.Identity % 40));
        json.WriteString("time", stamp);
        json.WriteEndObject();
    }

    private static void Endpoint(Utf8JsonWriter json, string name, Peer peer)
    {
        json.WriteStartObject(name);
        if (peer.Namespace.Length > 0) json.WriteNumber("ID", peer.Identity % 4096);
        json.WriteNumber("identity", peer.Identity);
        if (peer.Namespace.Length > 0) json.WriteString("namespace", peer.Namespace);
        json.WriteStartArray("labels");
        foreach (var (key, value) in peer.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
            json.WriteStringValue(key.StartsWith("reserved:", StringComparison.Ordinal) ? key : $"k8s:{key}={value}");
        if (peer.Namespace.Length > 0)
        {
            json.WriteStringValue($"k8s:io.cilium.k8s.namespace.labels.kubernetes.io/metadata.name={peer.Namespace}");
            json.WriteStringValue("k8s:io.cilium.k8s.policy.cluster=prod-eu-west-1");
            json.WriteStringValue($"k8s:io.cilium.k8s.policy.serviceaccount={peer.ServiceAccount}");
            json.WriteStringValue($"k8s:io.kubernetes.pod.namespace={peer.Namespace}");
        }
        json.WriteEndArray();
        if (peer.Namespace.Length > 0) json.WriteString("pod_name", peer.Pod);
        json.WriteEndObject();
    }

    private static string Mac(long identity)
    {
        var b = BitConverter.GetBytes(identity * 2654435761L);
        return string.Join(':', b.Take(6).Select(x => x.ToString("x2")));
    }
}
