using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verity.Cel.Values;

/// <summary>
/// Converts between .NET / System.Text.Json values and CEL values.
/// JSON numbers: a number written without fraction or exponent that fits in int64 is a CEL
/// int (Kubernetes decodes JSON integers as int64); every other number is a double.
/// JSON objects and arrays become lazy map/list views (<see cref="JsonCelMap"/>, <see cref="JsonCelList"/>).
/// </summary>
internal static class ValueConverter
{
    public static object FromJson(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                return new JsonCelMap(e);
            case JsonValueKind.Array:
                return new JsonCelList(e);
            case JsonValueKind.String:
                return e.GetString()!;
            case JsonValueKind.Number:
            {
                var raw = e.GetRawText();
                if (raw.AsSpan().IndexOfAny(".eE") < 0 && e.TryGetInt64(out var l))
                {
                    return l;
                }

                return e.GetDouble();
            }

            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return CelNull.Value;
        }
    }

    /// <summary>Converts an activation value supplied by a caller to a CEL value.</summary>
    public static object FromClr(object? v) => v switch
    {
        null => CelNull.Value,
        JsonElement je => FromJson(je),
        JsonDocument jd => FromJson(jd.RootElement),
        JsonNode jn => FromJson(JsonSerializer.SerializeToElement(jn)),
        CelValue cv => cv.Raw,
        long or ulong or double or bool or string or CelBytes or CelNull or CelList or CelMap or CelTypeValue
            or CelTimestamp or CelDuration or CelOptional or CelError or CelUnknown or CelMessage => v,
        int i => (long)i,
        short s => (long)s,
        sbyte sb => (long)sb,
        uint ui => (ulong)ui,
        ushort us => (ulong)us,
        byte b => (ulong)b,
        float f => (double)f,
        decimal m => (double)m,
        byte[] bytes => new CelBytes(bytes),
        DateTimeOffset dto => FromDateTime(dto.UtcDateTime),
        DateTime dt => FromDateTime(dt.ToUniversalTime()),
        TimeSpan ts => new CelDuration(ts.Ticks * 100),
        IDictionary dict => FromDictionary(dict),
        IEnumerable seq => new ArrayCelList(seq.Cast<object?>().Select(FromClr).ToArray()),
        _ => new CelError($"unsupported activation value type: {v.GetType().Name}"),
    };

    private static CelTimestamp FromDateTime(DateTime utc)
    {
        var ticks = utc.Ticks - DateTime.UnixEpoch.Ticks;
        var sec = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var rem);
        if (rem < 0)
        {
            sec--;
            rem += TimeSpan.TicksPerSecond;
        }

        return new CelTimestamp(sec, (int)(rem * 100));
    }

    private static object FromDictionary(IDictionary dict)
    {
        var m = new DictCelMap();
        foreach (DictionaryEntry kv in dict)
        {
            if (!m.TryAdd(FromClr(kv.Key), FromClr(kv.Value)))
            {
                return new CelError("invalid or duplicate map key");
            }
        }

        return m;
    }

    /// <summary>
    /// Converts a CEL value to plain .NET: long, ulong, double, bool, string, byte[], null,
    /// List&lt;object?&gt;, Dictionary&lt;string, object?&gt; (non-string keys are formatted),
    /// DateTimeOffset is not used: timestamps and durations become their CEL string forms.
    /// </summary>
    public static object? ToClr(object v) => v switch
    {
        CelNull => null,
        CelBytes b => b.Data,
        CelList l => l.Items().Select(ToClr).ToList(),
        CelMap m => m.Entries().ToDictionary(kv => kv.Key as string ?? ValueOps.Format(kv.Key), kv => ToClr(kv.Value)),
        CelTimestamp or CelDuration or CelTypeValue => ValueOps.Format(v),
        CelOptional o => o.HasValue ? ToClr(o.Value!) : null,
        CelMessage msg => msg.Fields.ToDictionary(kv => kv.Key, kv => ToClr(kv.Value)),
        _ => v,
    };

    /// <summary>Writes a CEL value as JSON (bytes as base64, timestamps/durations as strings, like protobuf JSON).</summary>
    public static void WriteJson(Utf8JsonWriter w, object v)
    {
        switch (v)
        {
            case CelNull:
                w.WriteNullValue();
                break;
            case bool b:
                w.WriteBooleanValue(b);
                break;
            case long l:
                w.WriteNumberValue(l);
                break;
            case ulong u:
                w.WriteNumberValue(u);
                break;
            case double d when double.IsFinite(d):
                w.WriteNumberValue(d);
                break;
            case double d:
                w.WriteStringValue(double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                break;
            case string s:
                w.WriteStringValue(s);
                break;
            case CelBytes bytes:
                w.WriteBase64StringValue(bytes.Data);
                break;
            case CelList list:
                w.WriteStartArray();
                foreach (var item in list.Items())
                {
                    WriteJson(w, item);
                }

                w.WriteEndArray();
                break;
            case CelMap map:
                w.WriteStartObject();
                foreach (var kv in map.Entries())
                {
                    w.WritePropertyName(kv.Key as string ?? ValueOps.Format(kv.Key));
                    WriteJson(w, kv.Value);
                }

                w.WriteEndObject();
                break;
            case CelOptional o:
                if (o.HasValue)
                {
                    WriteJson(w, o.Value!);
                }
                else
                {
                    w.WriteNullValue();
                }

                break;
            case CelMessage msg:
                w.WriteStartObject();
                foreach (var kv in msg.Fields)
                {
                    w.WritePropertyName(kv.Key);
                    WriteJson(w, kv.Value);
                }

                w.WriteEndObject();
                break;
            default:
                w.WriteStringValue(ValueOps.Format(v));
                break;
        }
    }
}
