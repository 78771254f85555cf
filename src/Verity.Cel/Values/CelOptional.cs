namespace Verity.Cel.Values;

/// <summary>A value of type optional_type(T): either empty or holding one CEL value.</summary>
internal sealed class CelOptional
{
    public static readonly CelOptional None = new(null);

    private CelOptional(object? value) => Value = value;

    public static CelOptional Of(object value) => new(value);

    public bool HasValue => Value is not null;

    /// <summary>The held value; null only for <see cref="None"/>.</summary>
    public object? Value { get; }
}
