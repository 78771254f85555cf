using System.Globalization;
using System.Text.Json;
using Verity.Cel.Runtime;
using Verity.Cel.Values;

namespace Verity.Cel.Tests.Conformance;

/// <summary>
/// Converts conformance expectations (cel.expr.Value and google.protobuf.Any in protobuf JSON
/// form) and declarations (cel.expr.Type) into Verity's CEL values and types.
/// </summary>
internal sealed class ProtoJson(TypeRegistry types)
{
    public object Value(JsonElement v)
    {
        foreach (var p in v.EnumerateObject())
        {
            switch (p.Name)
            {
                case "int64Value": return long.Parse(Str(p.Value), CultureInfo.InvariantCulture);
                case "uint64Value": return ulong.Parse(Str(p.Value), CultureInfo.InvariantCulture);
                case "doubleValue": return Double(p.Value);
                case "stringValue": return p.Value.GetString()!;
                case "bytesValue": return new CelBytes(Convert.FromBase64String(p.Value.GetString()!));
                case "boolValue": return p.Value.GetBoolean();
                case "nullValue": return CelNull.Value;
                case "typeValue": return BuiltinType(p.Value.GetString()!) ?? MessageSupport.TypeValueOf(p.Value.GetString()!);
                case "enumValue": return p.Value.TryGetProperty("value", out var ev) ? (long)ev.GetInt32() : 0L;
                case "listValue":
                    return new ArrayCelList(p.Value.TryGetProperty("values", out var vs) ? vs.EnumerateArray().Select(Value).ToArray() : []);
                case "mapValue":
                {
                    var m = new DictCelMap();
                    if (p.Value.TryGetProperty("entries", out var es))
                    {
                        foreach (var e in es.EnumerateArray())
                        {
                            m.TryAdd(Value(e.GetProperty("key")), Value(e.GetProperty("value")));
                        }
                    }

                    return m;
                }

                case "objectValue": return Any(p.Value);
            }
        }

        throw new NotSupportedException("value kind: " + v.GetRawText());
    }

    private static CelTypeValue? BuiltinType(string name) => name switch
    {
        "int" => CelTypeValue.Int,
        "uint" => CelTypeValue.Uint,
        "double" => CelTypeValue.Double,
        "bool" => CelTypeValue.Bool,
        "string" => CelTypeValue.String,
        "bytes" => CelTypeValue.Bytes,
        "list" => CelTypeValue.List,
        "map" => CelTypeValue.Map,
        "null_type" => CelTypeValue.Null,
        "type" => CelTypeValue.Type,
        _ => null,
    };

    private static string Str(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();

    private static double Double(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? e.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var s => double.Parse(s!, CultureInfo.InvariantCulture),
        }
        : e.GetDouble();

    /// <summary>A google.protobuf.Any in JSON form ("@type" plus fields, or "value" for well-known types).</summary>
    public object Any(JsonElement e)
    {
        var url = e.GetProperty("@type").GetString()!;
        var typeName = url[(url.LastIndexOf('/') + 1)..];
        if (IsWkt(typeName))
        {
            return Message(typeName, e.GetProperty("value"));
        }

        return Message(typeName, e);
    }

    private static bool IsWkt(string t) => t.StartsWith("google.protobuf.", StringComparison.Ordinal);

    /// <summary>Protobuf JSON of a message of type <paramref name="typeName"/> → CEL value.</summary>
    public object Message(string typeName, JsonElement e)
    {
        switch (typeName)
        {
            case "google.protobuf.Timestamp":
                return TimeLibraryAccess.Timestamp(e.GetString()!);
            case "google.protobuf.Duration":
                return TimeLibraryAccess.Duration(e.GetString()!);
            case "google.protobuf.Value":
                return JsonValue(e);
            case "google.protobuf.Struct":
                return JsonValue(e);
            case "google.protobuf.ListValue":
                return JsonValue(e);
            case "google.protobuf.Any":
                return Any(e);
            case "google.protobuf.Int64Value" or "google.protobuf.Int32Value":
                return long.Parse(Str(e), CultureInfo.InvariantCulture);
            case "google.protobuf.UInt64Value" or "google.protobuf.UInt32Value":
                return ulong.Parse(Str(e), CultureInfo.InvariantCulture);
            case "google.protobuf.DoubleValue":
                return Double(e);
            case "google.protobuf.FloatValue":
                return (double)(float)Double(e);
            case "google.protobuf.BoolValue":
                return e.GetBoolean();
            case "google.protobuf.StringValue":
                return e.GetString()!;
            case "google.protobuf.BytesValue":
                return new CelBytes(Convert.FromBase64String(e.GetString()!));
        }

        var desc = types.Messages[typeName];
        var byJson = desc.Fields.Values.ToDictionary(f => JsonName(f.Name), f => f);
        var fields = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
        {
            if (p.Name == "@type")
            {
                continue;
            }

            var fd = byJson.TryGetValue(p.Name, out var f) ? f : desc.Fields[p.Name];
            if (p.Value.ValueKind == JsonValueKind.Null && fd.Type != "message:google.protobuf.Value")
            {
                continue;
            }

            object v;
            if (fd.IsMap)
            {
                var m = new DictCelMap();
                foreach (var kv in p.Value.EnumerateObject())
                {
                    m.TryAdd(Key(fd.KeyType!, kv.Name), Single(fd.Type, kv.Value));
                }

                v = m;
            }
            else if (fd.Repeated)
            {
                v = new ArrayCelList(p.Value.EnumerateArray().Select(x => Single(fd.Type, x)).ToArray());
            }
            else
            {
                v = Single(fd.Type, p.Value);
            }

            fields[fd.Name] = v;
        }

        return new CelMessage(desc, fields);
    }

    private static string JsonName(string protoName)
    {
        var parts = protoName.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(s => s.Length == 0 ? "" : char.ToUpperInvariant(s[0]) + s[1..]));
    }

    private static object Key(string type, string s) => type switch
    {
        "bool" => s == "true",
        "string" => s,
        "uint32" or "uint64" or "fixed32" or "fixed64" => ulong.Parse(s, CultureInfo.InvariantCulture),
        _ => long.Parse(s, CultureInfo.InvariantCulture),
    };

    private object Single(string type, JsonElement e)
    {
        if (type.StartsWith("message:", StringComparison.Ordinal))
        {
            var t = type["message:".Length..];
            return t == "google.protobuf.Any" ? Any(e) : Message(t, e);
        }

        if (type.StartsWith("enum:", StringComparison.Ordinal))
        {
            if (e.ValueKind == JsonValueKind.Number)
            {
                return (long)e.GetInt32();
            }

            var values = types.Enums[type["enum:".Length..]];
            return (long)values.First(v => v.Name == e.GetString()).Number;
        }

        return type switch
        {
            "int32" or "int64" or "sint32" or "sint64" or "sfixed32" or "sfixed64" => long.Parse(Str(e), CultureInfo.InvariantCulture),
            "uint32" or "uint64" or "fixed32" or "fixed64" => ulong.Parse(Str(e), CultureInfo.InvariantCulture),
            "double" => Double(e),
            "float" => (double)(float)Double(e),
            "bool" => e.GetBoolean(),
            "string" => e.GetString()!,
            "bytes" => new CelBytes(Convert.FromBase64String(e.GetString()!)),
            _ => throw new NotSupportedException(type),
        };
    }

    private static object JsonValue(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => ToMap(e),
        JsonValueKind.Array => new ArrayCelList(e.EnumerateArray().Select(JsonValue).ToArray()),
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => CelNull.Value,
    };

    private static DictCelMap ToMap(JsonElement e)
    {
        var m = new DictCelMap();
        foreach (var p in e.EnumerateObject())
        {
            m.TryAdd(p.Name, JsonValue(p.Value));
        }

        return m;
    }

    /// <summary>cel.expr.Type JSON → <see cref="CelType"/> (wrappers and abstract types become dyn).</summary>
    public static CelType Type(JsonElement t)
    {
        foreach (var p in t.EnumerateObject())
        {
            switch (p.Name)
            {
                case "primitive":
                    return p.Value.GetString() switch
                    {
                        "INT64" => CelType.Int,
                        "UINT64" => CelType.Uint,
                        "DOUBLE" => CelType.Double,
                        "BOOL" => CelType.Bool,
                        "STRING" => CelType.String,
                        "BYTES" => CelType.Bytes,
                        _ => CelType.Dyn,
                    };
                case "listType":
                    return CelType.List(p.Value.TryGetProperty("elemType", out var et) ? Type(et) : CelType.Dyn);
                case "mapType":
                    return CelType.Map(Type(p.Value.GetProperty("keyType")), Type(p.Value.GetProperty("valueType")));
                case "messageType":
                    return p.Value.GetString() switch
                    {
                        "google.protobuf.Timestamp" => CelType.Timestamp,
                        "google.protobuf.Duration" => CelType.Duration,
                        "google.protobuf.Any" or "google.protobuf.Value" or "google.protobuf.Struct" or "google.protobuf.ListValue" => CelType.Dyn,
                        var n => CelType.Object(n!),
                    };
                case "null":
                    return CelType.Null;
                case "dyn":
                    return CelType.Dyn;
                case "typeParam":
                    return CelType.Param(p.Value.GetString()!);
                case "type":
                    return CelType.TypeOf(Type(p.Value));
                case "wrapper":
                    return CelType.Object(p.Value.GetString() switch
                    {
                        "INT64" => "google.protobuf.Int64Value",
                        "UINT64" => "google.protobuf.UInt64Value",
                        "DOUBLE" => "google.protobuf.DoubleValue",
                        "BOOL" => "google.protobuf.BoolValue",
                        "STRING" => "google.protobuf.StringValue",
                        "BYTES" => "google.protobuf.BytesValue",
                        var w => "google.protobuf." + w,
                    });
                case "wellKnown":
                    return p.Value.GetString() switch
                    {
                        "TIMESTAMP" => CelType.Timestamp,
                        "DURATION" => CelType.Duration,
                        _ => CelType.Dyn,
                    };
                case "abstractType":
                {
                    var name = p.Value.GetProperty("name").GetString()!;
                    var ps = p.Value.TryGetProperty("parameterTypes", out var pt) ? pt.EnumerateArray().Select(Type).ToArray() : [];
                    return name == "optional_type" && ps.Length == 1 ? CelType.Optional(ps[0]) : CelType.Abstract(name, ps);
                }
            }
        }

        return CelType.Dyn;
    }
}
