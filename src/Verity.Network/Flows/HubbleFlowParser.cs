using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Verity.Network.Model;

namespace Verity.Network.Flows;

/// <summary>
/// Reads one Hubble JSON line (<c>hubble observe -o json</c>: a bare flow, or <c>{"flow": {...}, "time": ...}</c>)
/// in a single <see cref="Utf8JsonReader"/> pass over its UTF-8 bytes, decoding only the fields Verity uses
/// (<c>time</c>, <c>verdict</c>, <c>IP</c>, <c>l4</c>, <c>source</c>, <c>destination</c>, <c>traffic_direction</c>,
/// <c>is_reply</c>/<c>reply</c>); everything else is skipped. A source or destination object repeats for every
/// flow of its pod, so its endpoint is built once per distinct bytes (with its IP) and shared afterwards. Fields of
/// an unexpected type are ignored, as before; text that is not JSON is an error. One instance per input.
/// </summary>
internal sealed class HubbleFlowParser
{
    private const int CacheCapacity = 100_000;
    private readonly Utf8Cache<FlowEndpoint> _endpoints = new(CacheCapacity);
    private readonly Utf8Cache<string> _strings = new(CacheCapacity);
    private byte[] _key = new byte[1024];

    /// <summary>The flow on <paramref name="line"/>, or null with the reason it cannot be read.</summary>
    public FlowRecord? Parse(ReadOnlySpan<byte> line, int lineNumber, out string? error)
    {
        error = null;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = "not a JSON object";
                return null;
            }
            var root = new Fields();
            var flow = new Fields();
            var wrapped = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("flow"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        wrapped = true;
                        ReadFlow(ref reader, ref flow);
                    }
                    else reader.Skip();
                }
                else if (wrapped && flow.Time is not null && reader.ValueTextEquals("time"u8))
                {
                    reader.Read(); // the wrapper's time repeats the flow's: not parsed twice
                    reader.Skip();
                }
                else ReadField(ref reader, ref root);
            }
            if (reader.Read()) throw new JsonException("trailing content after the object");
            var fields = wrapped ? flow : root;
            if (fields.Source.Length == 0 && fields.Ip.Length == 0)
            {
                error = "not a Hubble flow (no source or IP)";
                return null;
            }
            var time = fields.Time ?? root.Time;
            return new FlowRecord(
                time,
                Endpoint(line, fields.Source, fields.SourceIp),
                Endpoint(line, fields.Destination, fields.DestinationIp),
                fields.Port,
                fields.Protocol,
                fields.Verdict ?? "UNKNOWN",
                fields.Reply ?? fields.LegacyReply ?? false,
                fields.Direction,
                1,
                lineNumber);
        }
        catch (JsonException e)
        {
            error = $"invalid JSON ({e.Message.Split(" LineNumber:")[0].Split(" Path:")[0].TrimEnd('.', ' ')})";
            return null;
        }
    }

    private void ReadFlow(ref Utf8JsonReader reader, ref Fields fields)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName) ReadField(ref reader, ref fields);
    }

    /// <summary>Reads the value of the property the reader is on (or skips it), leaving the reader at its last token.</summary>
    private void ReadField(ref Utf8JsonReader reader, ref Fields fields)
    {
        switch (NameOf(ref reader))
        {
            case Field.Time: reader.Read(); fields.Time = Time(ref reader) ?? fields.Time; return;
            case Field.Verdict: reader.Read(); fields.Verdict = String(ref reader) ?? fields.Verdict; return;
            case Field.TrafficDirection: reader.Read(); fields.Direction = String(ref reader) ?? fields.Direction; return;
            case Field.IsReply: reader.Read(); fields.Reply = Bool(ref reader) ?? fields.Reply; return;
            case Field.Reply: reader.Read(); fields.LegacyReply = Bool(ref reader) ?? fields.LegacyReply; return;
            case Field.Source: reader.Read(); fields.Source = Range(ref reader); return;
            case Field.Destination: reader.Read(); fields.Destination = Range(ref reader); return;
            case Field.Ip: ReadIp(ref reader, ref fields); return;
            case Field.L4: ReadL4(ref reader, ref fields); return;
            default: reader.Read(); reader.Skip(); return;
        }
    }

    private enum Field { Other, Time, Verdict, TrafficDirection, IsReply, Reply, Source, Destination, Ip, L4 }

    /// <summary>
    /// Which flow field the property names: one comparison chosen by the name's length (a flow has some twenty
    /// properties, most of them not read; testing each against every known name was a measurable share of ingest).
    /// </summary>
    private static Field NameOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            var text = reader.GetString();
            return text switch
            {
                "time" => Field.Time, "verdict" => Field.Verdict, "traffic_direction" => Field.TrafficDirection,
                "is_reply" => Field.IsReply, "reply" => Field.Reply, "source" => Field.Source,
                "destination" => Field.Destination, "IP" => Field.Ip, "l4" => Field.L4, _ => Field.Other,
            };
        }
        var name = reader.ValueSpan;
        return name.Length switch
        {
            2 => name.SequenceEqual("IP"u8) ? Field.Ip : name.SequenceEqual("l4"u8) ? Field.L4 : Field.Other,
            4 => name.SequenceEqual("time"u8) ? Field.Time : Field.Other,
            5 => name.SequenceEqual("reply"u8) ? Field.Reply : Field.Other,
            6 => name.SequenceEqual("source"u8) ? Field.Source : Field.Other,
            7 => name.SequenceEqual("verdict"u8) ? Field.Verdict : Field.Other,
            8 => name.SequenceEqual("is_reply"u8) ? Field.IsReply : Field.Other,
            11 => name.SequenceEqual("destination"u8) ? Field.Destination : Field.Other,
            17 => name.SequenceEqual("traffic_direction"u8) ? Field.TrafficDirection : Field.Other,
            _ => Field.Other,
        };
    }

    private static void ReadIp(ref Utf8JsonReader reader, ref Fields fields)
    {
        reader.Read();
        var start = (int)reader.TokenStartIndex;
        if (reader.TokenType != JsonTokenType.StartObject) { reader.Skip(); return; }
        fields.Ip = (start, 1);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isSource = reader.ValueTextEquals("source"u8);
            var isDestination = !isSource && reader.ValueTextEquals("destination"u8);
            reader.Read();
            if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && (isSource || isDestination))
            {
                var value = ((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
                if (isSource) fields.SourceIp = value; else fields.DestinationIp = value;
            }
            else reader.Skip();
        }
    }

    private static void ReadL4(ref Utf8JsonReader reader, ref Fields fields)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject) { reader.Skip(); return; }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            Protocol? protocol = reader.ValueTextEquals("TCP"u8) ? Protocol.TCP
                : reader.ValueTextEquals("UDP"u8) ? Protocol.UDP
                : reader.ValueTextEquals("SCTP"u8) ? Protocol.SCTP : null;
            reader.Read();
            if (protocol is null || reader.TokenType != JsonTokenType.StartObject) { reader.Skip(); continue; }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isPort = reader.ValueTextEquals("destination_port"u8);
                reader.Read();
                if (isPort && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var port) && fields.Protocol is null)
                    (fields.Port, fields.Protocol) = (port, protocol);
                else reader.Skip();
            }
        }
    }

    /// <summary>The byte range of an object value (skipped); empty when the value is not an object.</summary>
    private static (int Start, int Length) Range(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return (0, 0);
        }
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return (start, (int)reader.BytesConsumed - start);
    }

    /// <summary>The endpoint for an object's bytes and an IP's bytes, built once per distinct pair.</summary>
    private FlowEndpoint Endpoint(ReadOnlySpan<byte> line, (int Start, int Length) endpoint, (int Start, int Length) ip)
    {
        var length = endpoint.Length + 1 + ip.Length;
        if (_key.Length < length) _key = new byte[Math.Max(length, _key.Length * 2)];
        line.Slice(endpoint.Start, endpoint.Length).CopyTo(_key);
        _key[endpoint.Length] = 0;
        line.Slice(ip.Start, ip.Length).CopyTo(_key.AsSpan(endpoint.Length + 1));
        var key = _key.AsSpan(0, length);
        return _endpoints.GetOrAdd(key, (endpoint.Length, ip.Length, this), static state => state.Item3.BuildEndpoint(state.Item1, state.Item2));
    }

    private FlowEndpoint BuildEndpoint(int endpointLength, int ipLength)
    {
        var ipBytes = _key.AsSpan(endpointLength + 1, ipLength);
        var address = ipBytes.Length > 0 && IPAddress.TryParse(Encoding.UTF8.GetString(ipBytes), out var parsed) ? parsed : null;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        string? ns = null, pod = null;
        long? identity = null;
        if (endpointLength > 0)
        {
            var reader = new Utf8JsonReader(_key.AsSpan(0, endpointLength));
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("namespace"u8)) { reader.Read(); ns = String(ref reader) ?? ns; }
                else if (reader.ValueTextEquals("pod_name"u8)) { reader.Read(); pod = String(ref reader) ?? pod; }
                else if (reader.ValueTextEquals("identity"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value)) identity = value;
                    else reader.Skip();
                }
                else if (reader.ValueTextEquals("labels"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartArray) { reader.Skip(); continue; }
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType != JsonTokenType.String) { reader.Skip(); continue; }
                        AddLabel(labels, reader.GetString()!);
                    }
                }
                else { reader.Read(); reader.Skip(); }
            }
        }
        return new FlowEndpoint(string.IsNullOrEmpty(ns) ? null : ns, string.IsNullOrEmpty(pod) ? null : pod, address, labels, identity);
    }

    /// <summary>A Hubble label: <c>k8s:key=value</c> (source prefix dropped), or another source's, kept whole.</summary>
    internal static void AddLabel(Dictionary<string, string> labels, string text)
    {
        var body = text.StartsWith("k8s:", StringComparison.Ordinal) ? text[4..] : text;
        var eq = body.IndexOf('=');
        if (eq < 0) labels[body] = "";
        else labels[body[..eq]] = body[(eq + 1)..];
    }

    private string? String(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }
        if (reader.ValueIsEscaped) return reader.GetString();
        var value = reader.ValueSpan;
        // The values Hubble repeats on every line, without a lookup; anything else through the cache.
        return value.Length switch
        {
            9 when value.SequenceEqual("FORWARDED"u8) => "FORWARDED",
            7 when value.SequenceEqual("DROPPED"u8) => "DROPPED",
            7 when value.SequenceEqual("INGRESS"u8) => "INGRESS",
            6 when value.SequenceEqual("EGRESS"u8) => "EGRESS",
            _ => _strings.GetOrAdd(value, value, static bytes => Encoding.UTF8.GetString(bytes)),
        };
    }

    private static DateTimeOffset? Time(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }
        if (!reader.ValueIsEscaped && HubbleTime.TryParse(reader.ValueSpan, out var time)) return time;
        if (reader.TryGetDateTimeOffset(out time)) return time;
        return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time) ? time : null;
    }

    private static bool? Bool(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False) return reader.GetBoolean();
        reader.Skip();
        return null;
    }

    /// <summary>The fields of one flow object; byte ranges point into the line.</summary>
    private struct Fields
    {
        public DateTimeOffset? Time;
        public string? Verdict;
        public string? Direction;
        public bool? Reply;
        public bool? LegacyReply;
        public int? Port;
        public Protocol? Protocol;
        public (int Start, int Length) Source;
        public (int Start, int Length) Destination;
        public (int Start, int Length) Ip;
        public (int Start, int Length) SourceIp;
        public (int Start, int Length) DestinationIp;
    }
}
