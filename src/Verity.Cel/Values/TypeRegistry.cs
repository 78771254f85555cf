using System.Text.Json;

namespace Verity.Cel.Values;

/// <summary>
/// Protobuf message and enum types known to an environment. Empty by default (Kubernetes
/// objects are JSON); the conformance tests load the cel-spec test types exported by
/// tools/node/export-cel-conformance.js through <see cref="FromJson"/>.
/// </summary>
internal sealed class TypeRegistry
{
    public static readonly TypeRegistry Empty = new();

    public Dictionary<string, MessageDescriptor> Messages { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IReadOnlyList<(string Name, int Number)>> Enums { get; } = new(StringComparer.Ordinal);

    /// <summary>Loads {messages: {name: [field...]}, enums: {name: [{name, number}]}} as exported by the node script.</summary>
    public static TypeRegistry FromJson(JsonElement types)
    {
        var r = new TypeRegistry();
        foreach (var m in types.GetProperty("messages").EnumerateObject())
        {
            var fields = new Dictionary<string, FieldDescriptor>(StringComparer.Ordinal);
            foreach (var f in m.Value.EnumerateArray())
            {
                object? def = null;
                if (f.TryGetProperty("default", out var d))
                {
                    def = d.ValueKind switch
                    {
                        JsonValueKind.String => d.GetString(),
                        JsonValueKind.Number => d.GetDouble(),
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        _ => null,
                    };
                }

                var name = f.GetProperty("name").GetString()!;
                fields[name] = new FieldDescriptor(
                    name,
                    f.GetProperty("type").GetString()!,
                    f.TryGetProperty("repeated", out var rep) && rep.GetBoolean(),
                    f.TryGetProperty("map", out var map) && map.GetBoolean(),
                    f.TryGetProperty("key", out var key) ? key.GetString() : null,
                    f.TryGetProperty("explicitPresence", out var ep) && ep.GetBoolean(),
                    f.TryGetProperty("oneof", out var oneof) ? oneof.GetString() : null,
                    def,
                    f.TryGetProperty("number", out var num) ? num.GetInt32() : 0);
            }

            r.Messages[m.Name] = new MessageDescriptor(m.Name, fields);
        }

        foreach (var e in types.GetProperty("enums").EnumerateObject())
        {
            r.Enums[e.Name] = e.Value.EnumerateArray()
                .Select(v => (v.GetProperty("name").GetString()!, v.GetProperty("number").GetInt32()))
                .ToList();
        }

        return r;
    }
}
