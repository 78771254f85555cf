namespace Verity.Cel;

/// <summary>
/// A CEL type used in declarations and reported as the result type of a compiled expression.
/// Immutable. Kubernetes objects are usually declared as <see cref="Dyn"/> or
/// <c>Map(String, Dyn)</c>.
/// </summary>
public sealed class CelType : IEquatable<CelType>
{
    private CelType(CelTypeKind kind, string name, params CelType[] parameters)
    {
        Kind = kind;
        Name = name;
        Parameters = parameters;
    }

    public CelTypeKind Kind { get; }

    /// <summary>Type name: "int", "list", "map", a message/object name, or a type parameter name.</summary>
    public string Name { get; }

    /// <summary>Element type of list/optional/type; key and value types of map.</summary>
    public IReadOnlyList<CelType> Parameters { get; }

    public static readonly CelType Dyn = new(CelTypeKind.Dyn, "dyn");
    public static readonly CelType Int = new(CelTypeKind.Int, "int");
    public static readonly CelType Uint = new(CelTypeKind.Uint, "uint");
    public static readonly CelType Double = new(CelTypeKind.Double, "double");
    public static readonly CelType Bool = new(CelTypeKind.Bool, "bool");
    public static readonly CelType String = new(CelTypeKind.String, "string");
    public static readonly CelType Bytes = new(CelTypeKind.Bytes, "bytes");
    public static readonly CelType Null = new(CelTypeKind.Null, "null_type");
    public static readonly CelType Timestamp = new(CelTypeKind.Timestamp, "google.protobuf.Timestamp");
    public static readonly CelType Duration = new(CelTypeKind.Duration, "google.protobuf.Duration");
    internal static readonly CelType ErrorType = new(CelTypeKind.Error, "*error*");

    public static CelType List(CelType element) => new(CelTypeKind.List, "list", element);

    public static CelType Map(CelType key, CelType value) => new(CelTypeKind.Map, "map", key, value);

    public static CelType Optional(CelType value) => new(CelTypeKind.Optional, "optional_type", value);

    /// <summary>The type of a type value, e.g. the type of the expression <c>int</c> is Type(Int).</summary>
    public static CelType TypeOf(CelType type) => new(CelTypeKind.Type, "type", type);

    /// <summary>A named object type (protobuf message name, or an opaque JSON object name).</summary>
    public static CelType Object(string name) => new(CelTypeKind.Object, name);

    internal static CelType Param(string name) => new(CelTypeKind.TypeParam, name);

    /// <summary>A parameterised named type (e.g. a user-declared abstract type "tuple(T, U)"), represented as an object type.</summary>
    internal static CelType Abstract(string name, params CelType[] parameters) => new(CelTypeKind.Object, name, parameters);

    /// <summary>Rebuilds this type with new parameters (same kind and name).</summary>
    internal CelType WithParameters(CelType[] parameters) => new(Kind, Name, parameters);

    public bool Equals(CelType? other)
    {
        if (other is null || other.Kind != Kind || other.Name != Name || other.Parameters.Count != Parameters.Count)
        {
            return false;
        }

        for (var i = 0; i < Parameters.Count; i++)
        {
            if (!Parameters[i].Equals(other.Parameters[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is CelType t && Equals(t);

    public override int GetHashCode() => HashCode.Combine(Kind, Name, Parameters.Count);

    /// <summary>CEL notation, e.g. <c>map(string, list(int))</c>.</summary>
    public override string ToString() => Kind switch
    {
        _ when Parameters.Count > 0 =>
            $"{Name}({string.Join(", ", Parameters)})",
        _ => Name,
    };

    /// <summary>Parses the notation produced by <see cref="ToString"/> (single upper-case letters are type parameters).</summary>
    internal static CelType Parse(string text)
    {
        var pos = 0;
        var t = ParseAt(text.Replace(" ", "", StringComparison.Ordinal), ref pos);
        return t;
    }

    private static CelType ParseAt(string s, ref int pos)
    {
        var start = pos;
        while (pos < s.Length && s[pos] is not '(' and not ')' and not ',')
        {
            pos++;
        }

        var name = s[start..pos];
        var args = new List<CelType>();
        if (pos < s.Length && s[pos] == '(')
        {
            pos++;
            while (true)
            {
                args.Add(ParseAt(s, ref pos));
                if (s[pos] == ',')
                {
                    pos++;
                    continue;
                }

                pos++; // ')'
                break;
            }
        }

        return name switch
        {
            "int" => Int,
            "uint" => Uint,
            "double" => Double,
            "bool" => Bool,
            "string" => String,
            "bytes" => Bytes,
            "null" or "null_type" => Null,
            "dyn" => Dyn,
            "timestamp" => Timestamp,
            "duration" => Duration,
            "list" => List(args[0]),
            "map" => Map(args[0], args[1]),
            "optional" => Optional(args[0]),
            "type" => TypeOf(args.Count > 0 ? args[0] : Dyn),
            _ when name.Length == 1 && char.IsAsciiLetterUpper(name[0]) => Param(name),
            _ => Object(name),
        };
    }
}
