using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Verity.Core.Model;
using Verity.Network.Model;

namespace Verity.Network.Flows;

/// <summary>
/// Reads observed flows, streaming, from either format, gzip-compressed or not (sniffed from the first bytes):
/// <list type="bullet">
/// <item>Cilium Hubble JSON as <c>hubble observe -o json</c> prints it: one JSON object per line, a bare flow or
/// wrapped as <c>{"flow": {...}}</c>. <c>is_reply</c> is read, or <c>reply</c> as older Hubble versions write it.</item>
/// <item>CSV with the columns <c>time,src_namespace,src_pod,src_ip,dst_namespace,dst_pod,dst_ip,dst_port,protocol,verdict,count</c>
/// (a header row in that form is optional; fields are not quoted).</item>
/// </list>
/// A line that cannot be read is reported with its line number and skipped; every other line is used.
/// The caller owns the stream (a file, stdin); nothing here opens files.
/// </summary>
public static class FlowReader
{
    internal const string DiagnosticCode = "VT2101";
    private static readonly string[] CsvColumns = ["time", "src_namespace", "src_pod", "src_ip", "dst_namespace", "dst_pod", "dst_ip", "dst_port", "protocol", "verdict", "count"];

    public static FlowReadResult ReadAll(Stream stream, string file)
    {
        var diagnostics = new List<Diagnostic>();
        var flows = Read(stream, file, diagnostics).ToList();
        return new FlowReadResult(flows, diagnostics);
    }

    /// <summary>Flows in input order, lazily; problems are added to <paramref name="diagnostics"/> as lines are read.</summary>
    public static IEnumerable<FlowRecord> Read(Stream stream, string file, List<Diagnostic> diagnostics)
    {
        var head = new byte[2];
        var n = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        Stream input = new PrefixedStream(head[..n], stream);
        if (n == 2 && head[0] == 0x1f && head[1] == 0x8b) input = new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(input);
        var lineNumber = 0;
        bool? json = null;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            json ??= line.TrimStart().StartsWith('{');
            FlowRecord? flow;
            string? error;
            if (json == true) (flow, error) = ParseHubble(line, lineNumber);
            else if (lineNumber == 1 && line.StartsWith("time,", StringComparison.Ordinal)) continue;
            else (flow, error) = ParseCsv(line, lineNumber);
            if (flow is not null) yield return flow;
            else diagnostics.Add(new Diagnostic(DiagnosticLevel.Error, DiagnosticCode, $"line {lineNumber} skipped: {error}", new SourceLocation(file, lineNumber, 1)));
        }
    }

    private static (FlowRecord?, string?) ParseHubble(string line, int lineNumber)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "not a JSON object");
            var flow = root.TryGetProperty("flow", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object ? wrapped : root;
            if (!flow.TryGetProperty("source", out _) && !flow.TryGetProperty("IP", out _))
                return (null, "not a Hubble flow (no source or IP)");
            var ip = flow.TryGetProperty("IP", out var ipElement) && ipElement.ValueKind == JsonValueKind.Object ? ipElement : default;
            var source = Endpoint(flow, "source", ip, "source");
            var destination = Endpoint(flow, "destination", ip, "destination");
            var (port, protocol) = L4(flow);
            var reply = Bool(flow, "is_reply") ?? Bool(flow, "reply") ?? false;
            return (new FlowRecord(
                Time(String(flow, "time") ?? String(root, "time")),
                source, destination, port, protocol,
                String(flow, "verdict") ?? "UNKNOWN",
                reply,
                String(flow, "traffic_direction"),
                1,
                lineNumber), null);
        }
        catch (JsonException e)
        {
            return (null, $"invalid JSON ({e.Message.Split(" LineNumber:")[0].TrimEnd('.', ' ')})");
        }
        catch (InvalidOperationException e)
        {
            return (null, $"a field has the wrong type ({e.Message})");
        }
    }

    private static FlowEndpoint Endpoint(JsonElement flow, string side, JsonElement ip, string ipField)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        string? ns = null, pod = null;
        long? identity = null;
        if (flow.TryGetProperty(side, out var endpoint) && endpoint.ValueKind == JsonValueKind.Object)
        {
            ns = String(endpoint, "namespace");
            pod = String(endpoint, "pod_name");
            if (endpoint.TryGetProperty("identity", out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var value)) identity = value;
            if (endpoint.TryGetProperty("labels", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var label in list.EnumerateArray())
                {
                    if (label.ValueKind != JsonValueKind.String) continue;
                    var text = label.GetString()!;
                    var body = text.StartsWith("k8s:", StringComparison.Ordinal) ? text[4..] : text;
                    var eq = body.IndexOf('=');
                    if (eq < 0) labels[body] = "";
                    else labels[body[..eq]] = body[(eq + 1)..];
                }
            }
        }
        var address = ip.ValueKind == JsonValueKind.Object && IPAddress.TryParse(String(ip, ipField), out var parsed) ? parsed : null;
        return new FlowEndpoint(string.IsNullOrEmpty(ns) ? null : ns, string.IsNullOrEmpty(pod) ? null : pod, address, labels, identity);
    }

    private static (int?, Protocol?) L4(JsonElement flow)
    {
        if (!flow.TryGetProperty("l4", out var l4) || l4.ValueKind != JsonValueKind.Object) return (null, null);
        foreach (var (name, protocol) in new[] { ("TCP", Protocol.TCP), ("UDP", Protocol.UDP), ("SCTP", Protocol.SCTP) })
        {
            if (l4.TryGetProperty(name, out var entry) && entry.ValueKind == JsonValueKind.Object
                && entry.TryGetProperty("destination_port", out var port) && port.TryGetInt32(out var number))
                return (number, protocol);
        }
        return (null, null);
    }

    private static (FlowRecord?, string?) ParseCsv(string line, int lineNumber)
    {
        var fields = line.Split(',');
        if (fields.Length != CsvColumns.Length)
            return (null, $"expected {CsvColumns.Length} comma-separated fields ({string.Join(",", CsvColumns)}), found {fields.Length}");
        int? port = null;
        if (fields[7].Length > 0)
        {
            if (!int.TryParse(fields[7], NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
                return (null, $"dst_port \"{fields[7]}\" is not a port number");
            port = p;
        }
        Protocol? protocol = null;
        if (fields[8].Length > 0)
        {
            if (!ProtocolNames.TryParse(fields[8].ToUpperInvariant(), out var parsed)) return (null, $"protocol \"{fields[8]}\" is not TCP, UDP or SCTP");
            protocol = parsed;
        }
        var count = 1L;
        if (fields[10].Length > 0 && (!long.TryParse(fields[10], NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1))
            return (null, $"count \"{fields[10]}\" is not a positive whole number");
        var source = CsvEndpoint(fields[1], fields[2], fields[3], out var sourceError);
        var destination = CsvEndpoint(fields[4], fields[5], fields[6], out var destinationError);
        if ((sourceError ?? destinationError) is { } error) return (null, error);
        var time = fields[0].Length == 0 ? (DateTimeOffset?)null : Time(fields[0]);
        if (fields[0].Length > 0 && time is null) return (null, $"time \"{fields[0]}\" is not an RFC 3339 timestamp");
        return (new FlowRecord(time, source!, destination!, port, protocol, fields[9].Length == 0 ? "UNKNOWN" : fields[9].ToUpperInvariant(), false, null, count, lineNumber), null);
    }

    private static FlowEndpoint? CsvEndpoint(string ns, string pod, string ip, out string? error)
    {
        error = null;
        IPAddress? address = null;
        if (ip.Length > 0 && !IPAddress.TryParse(ip, out address))
        {
            error = $"\"{ip}\" is not an IP address";
            return null;
        }
        if (ns.Length == 0 && pod.Length == 0 && address is null)
        {
            error = "an endpoint needs a namespace and pod, or an IP";
            return null;
        }
        return new FlowEndpoint(ns.Length == 0 ? null : ns, pod.Length == 0 ? null : pod, address, new Dictionary<string, string>(), null);
    }

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    private static string? String(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool? Bool(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;
}
