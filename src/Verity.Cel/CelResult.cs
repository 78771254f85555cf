namespace Verity.Cel;

/// <summary>The outcome of one evaluation: a value, or an error message (a CEL runtime error, the cost limit, or cancellation).</summary>
public sealed class CelResult
{
    private CelResult(CelValue? value, string? error, long actualCost, IReadOnlyList<string>? unknown = null)
    {
        Value = value;
        Error = error;
        ActualCost = actualCost;
        UnknownAttributes = unknown ?? [];
    }

    /// <summary>
    /// The result depends on inputs bound as <see cref="CelUnknownValue"/>. An unknown result is also
    /// reported as an error (<see cref="IsError"/>, message "unknown: ...") so that callers that only
    /// distinguish value/error treat it as "could not evaluate".
    /// </summary>
    public bool IsUnknown => UnknownAttributes.Count > 0;

    /// <summary>The unknown inputs the result depends on (empty unless <see cref="IsUnknown"/>).</summary>
    public IReadOnlyList<string> UnknownAttributes { get; }

    public bool IsError => Error is not null;

    /// <summary>The value; null when <see cref="IsError"/>.</summary>
    public CelValue? Value { get; }

    /// <summary>The error message; null on success.</summary>
    public string? Error { get; }

    /// <summary>Runtime cost consumed (see <see cref="CelEvaluationOptions.CostLimit"/>).</summary>
    public long ActualCost { get; }

    /// <summary>True only when the expression evaluated to the bool true.</summary>
    public bool IsTrue => Value?.Raw is true;

    internal static CelResult Success(object raw, long cost) => new(new CelValue(raw), null, cost);

    internal static CelResult Failure(string error, long cost) => new(null, error, cost);

    internal static CelResult Unknown(IReadOnlyList<string> attributes, long cost) =>
        new(null, "unknown: " + string.Join(", ", attributes), cost, attributes);

    public override string ToString() => IsError ? "error: " + Error : Value!.ToString();
}
