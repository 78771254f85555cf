namespace Verity.Cel;

/// <summary>The kinds of CEL types a caller can declare (https://github.com/google/cel-spec/blob/master/doc/langdef.md#values).</summary>
public enum CelTypeKind
{
    Dyn,
    Int,
    Uint,
    Double,
    Bool,
    String,
    Bytes,
    Null,
    List,
    Map,
    Type,
    Timestamp,
    Duration,
    Optional,

    /// <summary>A named object type: a protobuf message or an opaque JSON object (fields read as dyn).</summary>
    Object,

    /// <summary>A type parameter in an overload signature (internal use).</summary>
    TypeParam,

    /// <summary>The type of an expression that failed to check (internal use).</summary>
    Error,
}
