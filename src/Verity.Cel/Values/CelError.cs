namespace Verity.Cel.Values;

/// <summary>
/// A CEL runtime error value. Errors are ordinary values: they propagate through strict
/// functions and are absorbed by the commutative logical operators
/// (https://github.com/google/cel-spec/blob/master/doc/langdef.md#logical-operators).
/// </summary>
internal sealed class CelError
{
    public CelError(string message) => Message = message;

    public string Message { get; }

    public static CelError NoSuchOverload(string fn) => new($"no such overload: {fn}");

    public static readonly CelError Overflow = new("return error for overflow");

    public static readonly CelError DivideByZero = new("divide by zero");

    public static readonly CelError ModulusByZero = new("modulus by zero");

    public static readonly CelError CostLimit = new("operation cancelled: actual cost limit exceeded");

    public override string ToString() => "error: " + Message;
}
