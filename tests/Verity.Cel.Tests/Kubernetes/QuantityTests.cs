using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verity.Cel.Kubernetes;

namespace Verity.Cel.Tests.Kubernetes;

/// <summary>
/// Cases ported from kubernetes staging/src/k8s.io/apiserver/pkg/cel/library/quantity_test.go (TestQuantity)
/// and the examples in quantity.go's doc comment; parsing edge cases from resource.ParseQuantity's code.
/// </summary>
public sealed class QuantityTests
{
    [Theory]
    [InlineData("quantity(\"12Mi\") == quantity(\"12582912\")", true)]
    [InlineData("isQuantity(\"20\")", true)]
    [InlineData("isQuantity(\"20M\")", true)]
    [InlineData("isQuantity(\"20Mi\")", true)]
    [InlineData("isQuantity(\"20Mo\")", false)]
    [InlineData("isQuantity(\"10Mm\")", false)]
    [InlineData("quantity(\"200M\") == quantity(\"200M\")", true)]
    [InlineData("quantity(\"200M\") == quantity(\"0.2G\") && quantity(\"0.2G\") == quantity(\"200M\")", true)]
    [InlineData("quantity(\"2M\") == quantity(\"0.002G\") && quantity(\"2000k\") == quantity(\"2M\") && quantity(\"0.002G\") == quantity(\"2000k\")", true)]
    [InlineData("quantity(\"200M\") == quantity(\"0.3G\")", false)]
    [InlineData("quantity(\"50M\").isLessThan(quantity(\"50Mi\"))", true)]
    [InlineData("quantity(\"50M\").isLessThan(quantity(\"100M\"))", true)]
    [InlineData("quantity(\"100M\").isLessThan(quantity(\"50M\"))", false)]
    [InlineData("quantity(\"50Mi\").isGreaterThan(quantity(\"50M\"))", true)]
    [InlineData("quantity(\"150Mi\").isGreaterThan(quantity(\"100Mi\"))", true)]
    [InlineData("quantity(\"50M\").isGreaterThan(quantity(\"100M\"))", false)]
    [InlineData("quantity(\"200M\").compareTo(quantity(\"0.2G\"))", 0L)]
    [InlineData("quantity(\"50M\").compareTo(quantity(\"50Mi\"))", -1L)]
    [InlineData("quantity(\"50Mi\").compareTo(quantity(\"50M\"))", 1L)]
    [InlineData("quantity(\"50k\").add(quantity(\"20\")) == quantity(\"50.02k\")", true)]
    [InlineData("quantity(\"50k\").add(20).isLessThan(quantity(\"50020\"))", false)]
    [InlineData("quantity(\"50k\").sub(quantity(\"20\")) == quantity(\"49.98k\")", true)]
    [InlineData("quantity(\"50k\").sub(20) == quantity(\"49980\")", true)]
    [InlineData("quantity(\"50k\").mul(2) == quantity(\"100000\")", true)]
    [InlineData("quantity(\"50k\").add(20).sub(quantity(\"100k\")).asInteger()", -49980L)]
    [InlineData("quantity(\"50k\").add(20).sub(quantity(\"100k\")).sub(-50000).asInteger()", 20L)]
    [InlineData("quantity(\"50k\").asInteger()", 50000L)]
    [InlineData("quantity(\"9999999999999999999999999999999999999G\").isInteger()", false)]
    [InlineData("quantity(\"50\").isInteger()", true)]
    [InlineData("quantity(\"50.703k\").asApproximateFloat()", 50703.0)]
    // quantity.go doc comment examples.
    [InlineData("isQuantity('1.3G')", true)]
    [InlineData("isQuantity('1.3Gi')", true)]
    [InlineData("isQuantity('1,3G')", false)]
    [InlineData("isQuantity('10000k')", true)]
    [InlineData("isQuantity('200K')", false)]
    [InlineData("isQuantity('Three')", false)]
    [InlineData("quantity(\"50000000G\").isInteger()", true)]
    [InlineData("quantity(\"50k\").isInteger()", true)]
    [InlineData("quantity(\"50k\").asInteger() == 50000", true)]
    [InlineData("quantity(\"50k\").sub(20000).asApproximateFloat() == 30000.0", true)]
    [InlineData("quantity(\"50k\").add(quantity(\"20k\")) == quantity(\"70k\")", true)]
    [InlineData("quantity(\"50k\").add(20) == quantity(\"50020\")", true)]
    [InlineData("quantity(\"50k\").add(20).sub(quantity(\"100k\")).sub(-50000) == quantity(\"20\")", true)]
    // Representation details of resource.Quantity observable through isInteger/sign/asApproximateFloat.
    [InlineData("quantity('0.5').isInteger()", false)]
    [InlineData("quantity('1.0').isInteger()", false)]
    [InlineData("quantity('1Ei').isInteger()", false)]
    [InlineData("quantity('1Ti').asInteger()", 1099511627776L)]
    [InlineData("quantity('1Pi').isInteger()", false)]
    [InlineData("quantity('1.5Gi') == quantity('1536Mi')", true)]
    [InlineData("quantity('-1.5').sign()", -1L)]
    [InlineData("quantity('0').sign()", 0L)]
    [InlineData("quantity('+3m').sign()", 1L)]
    [InlineData("quantity('1e3') == quantity('1k')", true)]
    [InlineData("quantity('1E3').asInteger()", 1000L)]
    [InlineData("quantity('1e-10') == quantity('1n')", true)]
    [InlineData("quantity('-1e-10') == quantity('-1n')", true)]
    [InlineData("quantity('100m').asApproximateFloat()", 0.1)]
    [InlineData("quantity('9Ei') == quantity('9223372036854775807')", true)]
    [InlineData("quantity('9223372036854775807').add(1).isInteger()", false)]
    [InlineData("quantity('9223372036854775807').add(1) == quantity('9223372036854775808')", true)]
    [InlineData("quantity('1Ki').mul(3).asInteger()", 3072L)]
    [InlineData("quantity('1e9999').isGreaterThan(quantity('1e9998'))", true)]
    public void Evaluates(string expr, object expected) => K8s.Is(expr, expected);

    [Theory]
    [InlineData("quantity(\"10Mo\")", QuantityParser.ErrFormatWrong)]
    [InlineData("quantity(\"10Mm\")", "unable to parse quantity's suffix")]
    [InlineData("quantity('200K')", "unable to parse quantity's suffix")]
    [InlineData("quantity('Three')", "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")]
    [InlineData("quantity('')", QuantityParser.ErrFormatWrong)]
    [InlineData("quantity('Ei')", "unable to parse numeric part of quantity")]
    [InlineData("quantity(\"9999999999999999999999999999999999999G\").asInteger()", "cannot convert value to integer")]
    [InlineData("quantity('0.5').asInteger()", "cannot convert value to integer")]
    public void Fails(string expr, string error) => K8s.Error(expr, error);

    /// <summary>Invalid inputs listed in resource.Quantity's tests (apimachinery quantity_test.go), all rejected.</summary>
    [Theory]
    [InlineData("1.1.M")]
    [InlineData("1+1.0M")]
    [InlineData("0.1mi")]
    [InlineData("0.1am")]
    [InlineData("-3.01e-")]
    [InlineData(".5i")]
    [InlineData("-3.01i")]
    [InlineData("1i")]
    [InlineData("aoeu")]
    [InlineData("1KiB")]
    [InlineData("1 Ki")]
    [InlineData("1e1.5")]
    public void Rejects(string input) => Assert.Equal(false, K8s.Raw($"isQuantity('{input}')"));

    /// <summary>
    /// resource.ParseQuantity's code accepts a bare suffix with no digits when the int64 fast path applies
    /// ("Mi" is 0), although quantity.go's doc comment lists quantity('Mi') as an error; we follow the code.
    /// Without the fast path ("Ei") the inf.Dec parse of the empty number fails.
    /// </summary>
    [Fact]
    public void A_bare_suffix_follows_upstream_code()
    {
        Assert.Equal(true, K8s.Raw("quantity('Mi') == quantity('0')"));
        Assert.Equal(false, K8s.Raw("isQuantity('Ei')"));
    }

    [Fact]
    public void Quantity_of_an_int_is_a_compile_error()
    {
        Assert.Contains("found no matching overload for 'quantity'", K8s.CompileError("quantity(1)"));
        Assert.Contains("found no matching overload for 'isQuantity'", K8s.CompileError("isQuantity([1, 2, 3])"));
        Assert.Contains("found no matching overload for 'isGreaterThan'", K8s.CompileError("quantity('1').isGreaterThan(1)"));
    }

    [Fact]
    public void Type_checker_knows_quantity_results() =>
        Assert.Equal(CelType.Bool, K8s.Env.Compile("quantity('1Gi').isGreaterThan(quantity('1Mi'))").Program!.ResultType);

    /// <summary>Reference: a quantity "digits[.frac]suffix" is digits.frac × base^exp exactly; compare as BigInteger fractions.</summary>
    private static (string Text, BigInteger Num, BigInteger Den) Reference(int intPart, int frac, int fracDigits, int suffix, bool negative)
    {
        string[] names = ["", "m", "k", "M", "G", "Ki", "Mi", "Gi", "e2", "e-2"];
        var s = suffix % names.Length;
        var text = (negative ? "-" : "") + intPart + (fracDigits > 0 ? "." + frac.ToString().PadLeft(fracDigits, '0')[..fracDigits] : "") + names[s];
        var fracText = fracDigits > 0 ? frac.ToString().PadLeft(fracDigits, '0')[..fracDigits] : "";
        var num = BigInteger.Parse(intPart + fracText);
        var den = BigInteger.Pow(10, fracText.Length);
        (num, den) = names[s] switch
        {
            "m" => (num, den * 1000),
            "k" => (num * 1000, den),
            "M" => (num * 1_000_000, den),
            "G" => (num * 1_000_000_000, den),
            "Ki" => (num * 1024, den),
            "Mi" => (num * (1 << 20), den),
            "Gi" => (num * (1 << 30), den),
            "e2" => (num * 100, den),
            "e-2" => (num, den * 100),
            _ => (num, den),
        };
        return (text, negative ? -num : num, den);
    }

    [Property(MaxTest = 300)]
    public Property CompareTo_matches_exact_fractions(NonNegativeInt i1, NonNegativeInt f1, byte d1, byte s1, bool n1, NonNegativeInt i2, NonNegativeInt f2, byte d2, byte s2, bool n2)
    {
        var a = Reference(i1.Get % 100000, f1.Get, d1 % 4, s1, n1);
        var b = Reference(i2.Get % 100000, f2.Get, d2 % 4, s2, n2);
        var expected = (long)(a.Num * b.Den).CompareTo(b.Num * a.Den);
        var actual = K8s.Raw($"quantity('{a.Text}').compareTo(quantity('{b.Text}'))");
        var equal = K8s.Raw($"quantity('{a.Text}') == quantity('{b.Text}')");
        return (Equals(expected, actual) && Equals(expected == 0, equal)).Label($"{a.Text} vs {b.Text}: expected {expected}, got {actual}");
    }
}
