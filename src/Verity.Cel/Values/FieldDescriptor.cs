namespace Verity.Cel.Values;

/// <summary>
/// Minimal protobuf field description, enough for CEL field access, presence and construction.
/// <see cref="Type"/> is a scalar name ("int32", "string", ...), "enum:Full.Name" or "message:Full.Name".
/// </summary>
internal sealed record FieldDescriptor(
    string Name,
    string Type,
    bool Repeated,
    bool IsMap,
    string? KeyType,
    bool ExplicitPresence,
    string? Oneof,
    object? Default,
    int Number = 0)
{
    public bool IsMessage => Type.StartsWith("message:", StringComparison.Ordinal);

    public bool IsEnum => Type.StartsWith("enum:", StringComparison.Ordinal);

    public string TypeName => Type[(Type.IndexOf(':') + 1)..];
}
