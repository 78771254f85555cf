namespace Verity.Cel.Values;

/// <summary>A CEL type used as a value (result of type(x), or a type identifier such as <c>int</c>).</summary>
internal sealed class CelTypeValue : IEquatable<CelTypeValue>
{
    public static readonly CelTypeValue Int = new("int");
    public static readonly CelTypeValue Uint = new("uint");
    public static readonly CelTypeValue Double = new("double");
    public static readonly CelTypeValue Bool = new("bool");
    public static readonly CelTypeValue String = new("string");
    public static readonly CelTypeValue Bytes = new("bytes");
    public static readonly CelTypeValue Null = new("null_type");
    public static readonly CelTypeValue List = new("list");
    public static readonly CelTypeValue Map = new("map");
    public static readonly CelTypeValue Type = new("type");
    public static readonly CelTypeValue Timestamp = new("google.protobuf.Timestamp");
    public static readonly CelTypeValue Duration = new("google.protobuf.Duration");
    public static readonly CelTypeValue Optional = new("optional_type");
    public static readonly CelTypeValue Dyn = new("dyn");

    public CelTypeValue(string name) => Name = name;

    public string Name { get; }

    public bool Equals(CelTypeValue? other) => other is not null && other.Name == Name;

    public override bool Equals(object? obj) => obj is CelTypeValue t && Equals(t);

    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Name;
}
