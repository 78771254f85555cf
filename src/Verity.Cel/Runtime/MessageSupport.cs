using Verity.Cel.Values;

namespace Verity.Cel.Runtime;

/// <summary>
/// Protobuf message semantics for <see cref="CelMessage"/>: construction with field type
/// conversion and range checks, field reads with protobuf defaults, presence (has), and the
/// well-known types, which CEL represents as plain values
/// (https://github.com/google/cel-spec/blob/master/doc/langdef.md#protocol-buffer-data-conversion):
/// wrappers → primitives (unset → null), Timestamp/Duration, Struct → map, ListValue → list,
/// Value → dyn. google.protobuf.Any packing is not supported (needs a protobuf codec).
/// </summary>
internal static class MessageSupport
{
    private static readonly Dictionary<string, string> Wrappers = new(StringComparer.Ordinal)
    {
        ["google.protobuf.Int64Value"] = "int64",
        ["google.protobuf.Int32Value"] = "int32",
        ["google.protobuf.UInt64Value"] = "uint64",
        ["google.protobuf.UInt32Value"] = "uint32",
        ["google.protobuf.DoubleValue"] = "double",
        ["google.protobuf.FloatValue"] = "float",
        ["google.protobuf.BoolValue"] = "bool",
        ["google.protobuf.StringValue"] = "string",
        ["google.protobuf.BytesValue"] = "bytes",
    };

    public static bool IsWrapper(string typeName) => Wrappers.ContainsKey(typeName);

    public static CelTypeValue TypeValueOf(string fullName) => fullName switch
    {
        "google.protobuf.Timestamp" => CelTypeValue.Timestamp,
        "google.protobuf.Duration" => CelTypeValue.Duration,
        _ => new CelTypeValue(fullName),
    };

    public static object Create(TypeRegistry types, string typeName, List<(string Field, object Value)> values)
    {
        if (typeName == "google.protobuf.Any")
        {
            // Any literals are unpacked: the value is decoded with the descriptor named by type_url.
            var url = values.FirstOrDefault(v => v.Field == "type_url").Value as string ?? "";
            var data = values.FirstOrDefault(v => v.Field == "value").Value as CelBytes ?? CelBytes.Empty;
            var inner = url[(url.LastIndexOf('/') + 1)..];
            return types.Messages.ContainsKey(inner)
                ? ProtoWireDecoder.Decode(types, inner, data.Data)
                : new CelError($"unknown type in google.protobuf.Any: '{url}'");
        }

        var desc = types.Messages[typeName];
        foreach (var (f, _) in values)
        {
            if (!desc.Fields.ContainsKey(f))
            {
                return new CelError($"no such field '{f}'");
            }
        }

        var fields = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (f, v) in values)
        {
            var fd = desc.Fields[f];
            var converted = ConvertField(types, fd, v);
            if (converted is CelError)
            {
                return converted;
            }

            if (converted is null)
            {
                fields.Remove(f);
                continue;
            }

            if (fd.Oneof is not null)
            {
                foreach (var other in desc.Fields.Values.Where(o => o.Oneof == fd.Oneof))
                {
                    fields.Remove(other.Name);
                }
            }

            if (!fd.ExplicitPresence && !fd.Repeated && !fd.IsMap && IsZero(converted))
            {
                fields.Remove(f);
                continue;
            }

            fields[f] = converted;
        }

        return FromMessage(new CelMessage(desc, fields));
    }

    /// <summary>Converts a message of a well-known type to its CEL value; other messages are returned as is.</summary>
    public static object FromMessage(CelMessage m)
    {
        object F(string name, object dflt) => m.Fields.TryGetValue(name, out var v) ? v : dflt;
        if (Wrappers.ContainsKey(m.TypeName))
        {
            return F("value", ZeroOf(m.Descriptor.Fields["value"].Type));
        }

        switch (m.TypeName)
        {
            case "google.protobuf.Timestamp":
            {
                var ts = new CelTimestamp((long)F("seconds", 0L), (int)(long)F("nanos", 0L));
                return ts.InRange ? ts : new CelError("timestamp out of range");
            }

            case "google.protobuf.Duration":
                return Library.Arith.Duration(((Int128)(long)F("seconds", 0L) * 1_000_000_000) + (long)F("nanos", 0L));
            case "google.protobuf.Struct":
                return F("fields", DictCelMap.Empty);
            case "google.protobuf.ListValue":
                return F("values", ArrayCelList.Empty);
            case "google.protobuf.Value":
                foreach (var kind in new[] { "null_value", "number_value", "string_value", "bool_value", "struct_value", "list_value" })
                {
                    if (m.Fields.TryGetValue(kind, out var v))
                    {
                        return kind == "null_value" ? CelNull.Value : v;
                    }
                }

                return CelNull.Value;
            case "google.protobuf.Any":
                return m.Fields.Count == 0 ? new CelError("conversion error: empty google.protobuf.Any") : m;
            default:
                return m;
        }
    }

    private static bool IsZero(object v) => v switch
    {
        long l => l == 0,
        ulong u => u == 0,
        double d => d == 0 && !double.IsNegative(d),
        bool b => !b,
        string s => s.Length == 0,
        CelBytes b => b.Data.Length == 0,
        _ => false,
    };

    public static object ZeroOf(string type) => type switch
    {
        "int32" or "int64" or "sint32" or "sint64" or "sfixed32" or "sfixed64" => 0L,
        "uint32" or "uint64" or "fixed32" or "fixed64" => 0UL,
        "float" or "double" => 0.0,
        "bool" => false,
        "string" => "",
        "bytes" => CelBytes.Empty,
        _ when type.StartsWith("enum:", StringComparison.Ordinal) => 0L,
        _ => CelNull.Value,
    };

    private static object DefaultOf(FieldDescriptor fd)
    {
        if (fd.Default is null)
        {
            return ZeroOf(fd.Type);
        }

        return fd.Type switch
        {
            "int32" or "int64" or "sint32" or "sint64" or "sfixed32" or "sfixed64" =>
                fd.Default is string s ? long.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : (long)(double)fd.Default,
            "uint32" or "uint64" or "fixed32" or "fixed64" =>
                fd.Default is string s ? ulong.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : (ulong)(double)fd.Default,
            "float" or "double" => fd.Default is double d ? d : 0.0,
            "bytes" => new CelBytes(Convert.FromBase64String((string)fd.Default)),
            _ when fd.IsEnum => fd.Default is double d ? (long)d : 0L,
            _ => fd.Default,
        };
    }

    /// <summary>Converts a CEL value for storage in a field; null means "leave unset"; errors on type/range mismatch.</summary>
    private static object? ConvertField(TypeRegistry types, FieldDescriptor fd, object v)
    {
        if (fd.IsMap)
        {
            if (v is not CelMap m)
            {
                return Mismatch(fd, v);
            }

            var r = new DictCelMap();
            foreach (var kv in m.Entries())
            {
                var k = ConvertScalar(types, fd.KeyType!, kv.Key);
                var val = ConvertSingle(types, fd.Type, kv.Value);
                if (k is CelError)
                {
                    return k;
                }

                if (val is CelError)
                {
                    return val;
                }

                r.TryAdd(k!, val ?? CelNull.Value);
            }

            return r;
        }

        if (fd.Repeated)
        {
            if (v is not CelList l)
            {
                return Mismatch(fd, v);
            }

            var items = new object[l.Count];
            for (var i = 0; i < l.Count; i++)
            {
                var c = ConvertSingle(types, fd.Type, l[i]);
                if (c is CelError || c is null)
                {
                    return c ?? new CelError("null element in repeated field");
                }

                items[i] = c;
            }

            return new ArrayCelList(items);
        }

        return ConvertSingle(types, fd.Type, v);
    }

    private static CelError Mismatch(FieldDescriptor fd, object v) =>
        new($"field '{fd.Name}' cannot be assigned a value of type '{ValueOps.TypeOf(v)}'");

    private static object? ConvertSingle(TypeRegistry types, string type, object v)
    {
        if (!type.StartsWith("message:", StringComparison.Ordinal))
        {
            return ConvertScalar(types, type, v);
        }

        var msgType = type["message:".Length..];
        if (Wrappers.TryGetValue(msgType, out var prim))
        {
            return v is CelNull ? null : ConvertScalar(types, prim, v);
        }

        switch (msgType)
        {
            case "google.protobuf.Timestamp":
                return v is CelTimestamp ? v : v is CelNull ? null : new CelError("expected timestamp");
            case "google.protobuf.Duration":
                return v is CelDuration ? v : v is CelNull ? null : new CelError("expected duration");
            case "google.protobuf.Value":
                return ToJsonValue(v);
            case "google.protobuf.Any":
                return v is CelNull ? null : v;
            case "google.protobuf.Struct":
                return v is CelMap ? ToJsonValue(v) : new CelError("expected map for google.protobuf.Struct");
            case "google.protobuf.ListValue":
                return v is CelList ? ToJsonValue(v) : new CelError("expected list for google.protobuf.ListValue");
        }

        if (v is CelNull)
        {
            return null;
        }

        return v is CelMessage m && m.TypeName == msgType ? v : new CelError($"expected message '{msgType}', got '{ValueOps.TypeOf(v)}'");
    }

    private static object ConvertScalar(TypeRegistry types, string type, object v)
    {
        switch (type)
        {
            case "int32" or "sint32" or "sfixed32":
                return v is long l ? (l is >= int.MinValue and <= int.MaxValue ? l : new CelError("range error")) : Bad(type, v);
            case "int64" or "sint64" or "sfixed64":
                return v is long ? v : Bad(type, v);
            case "uint32" or "fixed32":
                return v is ulong u ? (u <= uint.MaxValue ? u : new CelError("range error")) : Bad(type, v);
            case "uint64" or "fixed64":
                return v is ulong ? v : Bad(type, v);
            case "double":
                return v is double ? v : Bad(type, v);
            case "float":
                return v is double d ? (double)(float)d : Bad(type, v);
            case "bool":
                return v is bool ? v : Bad(type, v);
            case "string":
                return v is string ? v : Bad(type, v);
            case "bytes":
                return v is CelBytes ? v : Bad(type, v);
            default:
                if (type.StartsWith("enum:", StringComparison.Ordinal))
                {
                    return v is long e ? (e is >= int.MinValue and <= int.MaxValue ? e : new CelError("range error")) : Bad(type, v);
                }

                return Bad(type, v);
        }
    }

    /// <summary>
    /// The google.protobuf.Value form of a CEL value (protobuf JSON mapping): numbers become
    /// doubles (64-bit integers beyond ±2^53 become strings), bytes base64, timestamps and durations
    /// strings, FieldMask "a,b", Empty {}; map keys must be strings.
    /// </summary>
    public static object ToJsonValue(object v)
    {
        switch (v)
        {
            case long l:
                return Math.Abs((double)l) <= 9007199254740991 ? (double)l : l.ToString(System.Globalization.CultureInfo.InvariantCulture);
            case ulong u:
                return u <= 9007199254740991 ? (double)u : u.ToString(System.Globalization.CultureInfo.InvariantCulture);
            case double or string or bool or CelNull:
                return v;
            case CelBytes b:
                return Convert.ToBase64String(b.Data);
            case CelTimestamp or CelDuration:
                return ValueOps.Format(v);
            case CelList list:
            {
                var items = new object[list.Count];
                for (var i = 0; i < list.Count; i++)
                {
                    var c = ToJsonValue(list[i]);
                    if (c is CelError)
                    {
                        return c;
                    }

                    items[i] = c;
                }

                return new ArrayCelList(items);
            }

            case CelMap map:
            {
                var r = new DictCelMap();
                foreach (var kv in map.Entries())
                {
                    if (kv.Key is not string)
                    {
                        return new CelError("bad key type: google.protobuf.Struct keys must be strings");
                    }

                    var c = ToJsonValue(kv.Value);
                    if (c is CelError)
                    {
                        return c;
                    }

                    r.TryAdd(kv.Key, c);
                }

                return r;
            }

            case CelMessage m when m.TypeName == "google.protobuf.FieldMask":
                return m.Fields.TryGetValue("paths", out var paths) && paths is CelList pl
                    ? string.Join(",", pl.Items().Select(ValueOps.Format))
                    : "";
            case CelMessage m when m.TypeName == "google.protobuf.Empty":
                return DictCelMap.Empty;
            default:
                return new CelError($"type '{ValueOps.TypeOf(v)}' cannot be converted to google.protobuf.Value");
        }
    }

    private static CelError Bad(string type, object v) => new($"type mismatch: expected {type}, got {ValueOps.TypeOf(v)}");

    public static object Has(CelMessage m, string field)
    {
        if (!m.Descriptor.Fields.TryGetValue(field, out var fd))
        {
            return new CelError($"no such field '{field}'");
        }

        if (!m.Fields.TryGetValue(field, out var v))
        {
            return false;
        }

        return v switch
        {
            CelList l when fd.Repeated => l.Count > 0,
            CelMap mm when fd.IsMap => mm.Count > 0,
            _ => true,
        };
    }

    public static object Get(CelMessage m, string field, TypeRegistry types)
    {
        if (!m.Descriptor.Fields.TryGetValue(field, out var fd))
        {
            return new CelError($"no such field '{field}'");
        }

        if (m.Fields.TryGetValue(field, out var v))
        {
            return v;
        }

        if (fd.IsMap)
        {
            return DictCelMap.Empty;
        }

        if (fd.Repeated)
        {
            return ArrayCelList.Empty;
        }

        if (fd.IsMessage)
        {
            var t = fd.TypeName;
            if (Wrappers.ContainsKey(t) || t is "google.protobuf.Value" or "google.protobuf.Any")
            {
                return CelNull.Value;
            }

            if (types.Messages.TryGetValue(t, out var desc))
            {
                return FromMessage(new CelMessage(desc, new Dictionary<string, object>(StringComparer.Ordinal)));
            }

            return CelNull.Value;
        }

        return DefaultOf(fd);
    }
}
