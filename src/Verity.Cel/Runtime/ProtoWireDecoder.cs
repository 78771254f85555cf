using System.Text;
using Verity.Cel.Values;

namespace Verity.Cel.Runtime;

/// <summary>
/// Minimal protobuf binary decoder (wire types 0, 1, 2, 5; packed repeated scalars) used to
/// unpack google.protobuf.Any literals into <see cref="CelMessage"/>s. Malformed input yields an error value.
/// Map fields and groups are not supported.
/// </summary>
internal static class ProtoWireDecoder
{
    public static object Decode(TypeRegistry types, string typeName, byte[] data)
    {
        try
        {
            var desc = types.Messages[typeName];
            var byNumber = desc.Fields.Values.ToDictionary(f => f.Number);
            var fields = new Dictionary<string, object>(StringComparer.Ordinal);
            var pos = 0;
            while (pos < data.Length)
            {
                var key = ReadVarint(data, ref pos);
                var number = (int)(key >> 3);
                var wire = (int)(key & 7);
                if (!byNumber.TryGetValue(number, out var fd))
                {
                    Skip(data, ref pos, wire);
                    continue;
                }

                var values = new List<object>();
                if (wire == 2 && fd.Repeated && !IsLengthDelimited(fd.Type))
                {
                    var len = (int)ReadVarint(data, ref pos);
                    var end = pos + len;
                    while (pos < end)
                    {
                        values.Add(ReadScalar(data, ref pos, fd.Type, ScalarWire(fd.Type)));
                    }
                }
                else if (wire == 2 && fd.IsMessage)
                {
                    var len = (int)ReadVarint(data, ref pos);
                    var sub = data[pos..(pos + len)];
                    pos += len;
                    var inner = Decode(types, fd.TypeName, sub);
                    values.Add(inner is CelMessage m ? MessageSupport.FromMessage(m) : inner);
                }
                else
                {
                    values.Add(ReadScalar(data, ref pos, fd.Type, wire));
                }

                if (fd.Repeated)
                {
                    var prev = fields.TryGetValue(fd.Name, out var p) ? ((CelList)p).Items() : [];
                    fields[fd.Name] = new ArrayCelList([.. prev, .. values]);
                }
                else
                {
                    fields[fd.Name] = values[^1];
                }
            }

            return new CelMessage(desc, fields);
        }
        catch (Exception ex) when (ex is IndexOutOfRangeException or ArgumentException or KeyNotFoundException or InvalidOperationException)
        {
            return new CelError($"invalid protobuf encoding of '{typeName}'");
        }
    }

    private static bool IsLengthDelimited(string type) => type is "string" or "bytes" || type.StartsWith("message:", StringComparison.Ordinal);

    private static int ScalarWire(string type) => type switch
    {
        "double" or "fixed64" or "sfixed64" => 1,
        "float" or "fixed32" or "sfixed32" => 5,
        _ => 0,
    };

    private static ulong ReadVarint(byte[] d, ref int pos)
    {
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            var b = d[pos++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new InvalidOperationException("varint too long");
    }

    private static void Skip(byte[] d, ref int pos, int wire)
    {
        switch (wire)
        {
            case 0: ReadVarint(d, ref pos); break;
            case 1: pos += 8; break;
            case 2: pos += (int)ReadVarint(d, ref pos); break;
            case 5: pos += 4; break;
            default: throw new InvalidOperationException("unsupported wire type");
        }
    }

    private static object ReadScalar(byte[] d, ref int pos, string type, int wire)
    {
        switch (wire)
        {
            case 0:
            {
                var v = ReadVarint(d, ref pos);
                return type switch
                {
                    "int32" => (long)(int)v,
                    "int64" => (long)v,
                    "uint32" or "uint64" => v,
                    "sint32" or "sint64" => (long)(v >> 1) ^ -(long)(v & 1),
                    "bool" => v != 0,
                    _ when type.StartsWith("enum:", StringComparison.Ordinal) => (long)(int)v,
                    _ => throw new InvalidOperationException("bad varint field"),
                };
            }

            case 1:
            {
                var v = BitConverter.ToUInt64(d, pos);
                pos += 8;
                return type switch
                {
                    "double" => BitConverter.UInt64BitsToDouble(v),
                    "fixed64" => v,
                    _ => (long)v,
                };
            }

            case 5:
            {
                var v = BitConverter.ToUInt32(d, pos);
                pos += 4;
                return type switch
                {
                    "float" => (double)BitConverter.UInt32BitsToSingle(v),
                    "fixed32" => (ulong)v,
                    _ => (long)(int)v,
                };
            }

            case 2:
            {
                var len = (int)ReadVarint(d, ref pos);
                var bytes = d[pos..(pos + len)];
                pos += len;
                return type == "string" ? Encoding.UTF8.GetString(bytes) : new CelBytes(bytes);
            }

            default:
                throw new InvalidOperationException("unsupported wire type");
        }
    }
}
