using Verity.Cel.Library;
using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>
/// Kubernetes quantity library (k8s.io/apiserver/pkg/cel/library/quantity.go, "kubernetes.quantity"):
/// quantity, isQuantity, sign, isGreaterThan, isLessThan, compareTo, asApproximateFloat, asInteger,
/// isInteger, add(quantity|int), sub(quantity|int), mul(int). <c>==</c> compares values exactly
/// (<c>quantity('200M') == quantity('0.2G')</c>). Not ported: div and divInt (recent upstream additions).
/// </summary>
internal static class QuantityLibrary
{
    private const string Q = KubernetesTypes.Quantity;

    public static void Register(FunctionRegistry r)
    {
        r.Add("string_to_quantity", $"quantity(string) -> {Q}", a =>
        {
            if (a[0] is not string s)
            {
                return CelError.NoSuchOverload("quantity");
            }

            var err = QuantityParser.Parse(s, out var q);
            return err is null ? q : new CelError(err);
        });
        r.Add("is_quantity_string", "isQuantity(string) -> bool", a =>
            a[0] is string s ? QuantityParser.Parse(s, out _) is null : CelError.NoSuchOverload("isQuantity"));
        r.Add("quantity_sign", $"{Q}:sign() -> int", a => a[0] is CelQuantity q ? (long)q.Sign : CelError.NoSuchOverload("sign"));
        r.Add("quantity_is_greater_than", $"{Q}:isGreaterThan({Q}) -> bool", a => Two(a, "isGreaterThan", (x, y) => x.CompareTo(y) == 1));
        r.Add("quantity_is_less_than", $"{Q}:isLessThan({Q}) -> bool", a => Two(a, "isLessThan", (x, y) => x.CompareTo(y) == -1));
        r.Add("quantity_compare_to", $"{Q}:compareTo({Q}) -> int", a => Two(a, "compareTo", (x, y) => (long)x.CompareTo(y)));
        r.Add("quantity_get_float", $"{Q}:asApproximateFloat() -> double", a =>
            a[0] is CelQuantity q ? q.AsApproximateFloat() : CelError.NoSuchOverload("asApproximateFloat"));
        r.Add("quantity_get_int", $"{Q}:asInteger() -> int", a =>
        {
            if (a[0] is not CelQuantity q)
            {
                return CelError.NoSuchOverload("asInteger");
            }

            return q.TryAsInt64(out var v) ? v : new CelError("cannot convert value to integer");
        });
        r.Add("quantity_is_integer", $"{Q}:isInteger() -> bool", a => a[0] is CelQuantity q ? q.TryAsInt64(out _) : CelError.NoSuchOverload("isInteger"));
        r.Add("quantity_add", $"{Q}:add({Q}) -> {Q}", a => Two(a, "add", QuantityArith.Add));
        r.Add("quantity_add_int", $"{Q}:add(int) -> {Q}", a =>
            a[0] is CelQuantity q && a[1] is long n ? QuantityArith.Add(q, new CelQuantity(n, 0, false)) : CelError.NoSuchOverload("add"));
        r.Add("quantity_sub", $"{Q}:sub({Q}) -> {Q}", a => Two(a, "sub", QuantityArith.Sub));
        r.Add("quantity_sub_int", $"{Q}:sub(int) -> {Q}", a =>
            a[0] is CelQuantity q && a[1] is long n ? QuantityArith.Sub(q, new CelQuantity(n, 0, false)) : CelError.NoSuchOverload("sub"));
        r.Add("quantity_multiply_int", $"{Q}:mul(int) -> {Q}", a =>
            a[0] is CelQuantity q && a[1] is long n ? QuantityArith.Mul(q, n) : CelError.NoSuchOverload("mul"));
    }

    private static object Two(object[] a, string fn, Func<CelQuantity, CelQuantity, object> f) =>
        a[0] is CelQuantity x && a[1] is CelQuantity y ? f(x, y) : CelError.NoSuchOverload(fn);
}
