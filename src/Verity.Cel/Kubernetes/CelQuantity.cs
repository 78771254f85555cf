using System.Numerics;
using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>
/// A CEL <c>kubernetes.Quantity</c>: the exact value <c>Unscaled × 10^Exponent</c> plus the one
/// representation detail of k8s.io/apimachinery resource.Quantity that CEL can observe:
/// <see cref="IsDecimal"/> (the quantity left the int64 fast path and lives in an inf.Dec), in which case
/// <c>asInteger()</c> fails and <c>isInteger()</c> is false even for integral values, exactly as upstream.
/// Comparison and equality are exact (upstream Quantity.Cmp).
/// </summary>
internal sealed class CelQuantity : ICelOpaqueValue, IEquatable<CelQuantity>, IComparable<CelQuantity>, IComparable
{
    /// <summary>Largest exponent gap an addition/subtraction will align (10^gap is materialised); larger gaps are an error.</summary>
    internal const long MaxAlignment = 100_000;

    public CelQuantity(BigInteger unscaled, long exponent, bool isDecimal)
    {
        Unscaled = unscaled;
        Exponent = exponent;
        IsDecimal = isDecimal;
    }

    public BigInteger Unscaled { get; }

    public long Exponent { get; }

    public bool IsDecimal { get; }

    public string TypeName => KubernetesTypes.Quantity;

    public int Sign => Unscaled.Sign;

    /// <summary>resource.Quantity.AsInt64 (int64Amount.AsInt64): only on the int64 path, and only for a non-negative scale.</summary>
    public bool TryAsInt64(out long value)
    {
        value = 0;
        if (IsDecimal || Exponent < 0)
        {
            return false;
        }

        var v = (long)Unscaled;
        if (Exponent == 0)
        {
            value = v;
            return true;
        }

        return QuantityArith.TryScaleUp(v, Exponent, out value);
    }

    /// <summary>resource.Quantity.AsApproximateFloat64: float64(unscaled) × math.Pow10(exponent).</summary>
    public double AsApproximateFloat()
    {
        var b = (double)Unscaled;
        if (Exponent == 0)
        {
            return b;
        }

        return b * QuantityArith.GoPow10(Exponent);
    }

    public int CompareTo(CelQuantity? other) => other is null ? 1 : QuantityArith.Compare(this, other);

    public int CompareTo(object? obj) => obj is CelQuantity q ? CompareTo(q) : 1;

    public bool Equals(CelQuantity? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is CelQuantity q && Equals(q);

    public override int GetHashCode()
    {
        if (Unscaled.IsZero)
        {
            return 0;
        }

        // Normalise away trailing decimal zeros so that equal values hash alike.
        var u = Unscaled;
        var e = Exponent;
        while (!u.IsZero && u % 10 == 0)
        {
            u /= 10;
            e++;
        }

        return HashCode.Combine(u, e);
    }

    /// <summary>Plain decimal form (e.g. "1500", "0.001", "-2.5") for moderate exponents, else "digits e exponent". Not Kubernetes' canonical suffix form.</summary>
    public override string ToString()
    {
        var sign = Unscaled.Sign < 0 ? "-" : "";
        var digits = BigInteger.Abs(Unscaled).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Exponent is > 30 or < -30)
        {
            return sign + digits + "e" + Exponent.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Exponent >= 0)
        {
            return sign + (Unscaled.IsZero ? "0" : digits + new string('0', (int)Exponent));
        }

        var point = digits.Length + (int)Exponent;
        var text = point > 0 ? digits[..point] + "." + digits[point..] : "0." + new string('0', -point) + digits;
        text = text.TrimEnd('0').TrimEnd('.');
        return sign + (text.Length == 0 ? "0" : text);
    }
}
