using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
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
        var lines = new Utf8LineReader(input);
        var hubble = new HubbleFlowParser();
        var lineNumber = 0;
        bool? json = null;
        while (lines.TryReadLine(out var offset, out var length))
        {
            lineNumber++;
            FlowRecord? flow;
            string? error;
            {
                var line = lines.Buffer.AsSpan(offset, length);
                var content = line.TrimStart(" \t"u8);
                if (content.TrimEnd(" \t"u8).IsEmpty) continue;
                json ??= content[0] == '{';
                if (json == true) flow = hubble.Parse(line, lineNumber, out error);
                else if (lineNumber == 1 && line.StartsWith("time,"u8)) continue;
                else (flow, error) = ParseCsv(Encoding.UTF8.GetString(line), lineNumber);
            }
            if (flow is not null) yield return flow;
            else diagnostics.Add(new Diagnostic(DiagnosticLevel.Error, DiagnosticCode, $"line {lineNumber} skipped: {error}", new SourceLocation(file, lineNumber, 1)));
        }
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
}
