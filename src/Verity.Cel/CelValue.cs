using System.Text;
using System.Text.Json;
using Verity.Cel.Values;

namespace Verity.Cel;

/// <summary>
/// A CEL value returned by an evaluation (never an error: errors are reported by
/// <see cref="CelResult"/>). Convert with <see cref="ToObject"/>, <see cref="ToJsonString"/>
/// or the typed accessors.
/// </summary>
public sealed class CelValue
{
    internal CelValue(object raw) => Raw = raw;

    internal object Raw { get; }

    /// <summary>CEL type name: "int", "uint", "double", "bool", "string", "bytes", "null_type", "list", "map", "type", "optional_type", "google.protobuf.Timestamp", "google.protobuf.Duration" or a message name.</summary>
    public string TypeName => ValueOps.TypeOf(Raw).Name;

    public bool TryGetBool(out bool value)
    {
        value = Raw is true;
        return Raw is bool;
    }

    public bool TryGetString(out string value)
    {
        value = Raw as string ?? "";
        return Raw is string;
    }

    public bool TryGetInt64(out long value)
    {
        value = Raw is long l ? l : 0;
        return Raw is long;
    }

    /// <summary>Plain .NET form: long, ulong, double, bool, string, byte[], null, List&lt;object?&gt;, Dictionary&lt;string, object?&gt;; timestamps, durations and types as their CEL strings.</summary>
    public object? ToObject() => ValueConverter.ToClr(Raw);

    /// <summary>JSON form (bytes base64, timestamps RFC 3339, durations "1.5s", NaN/Infinity as strings).</summary>
    public string ToJsonString()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            ValueConverter.WriteJson(w, Raw);
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }

    public override string ToString() => ValueOps.Format(Raw);
}
