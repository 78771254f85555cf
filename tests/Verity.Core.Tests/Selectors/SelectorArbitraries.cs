using FsCheck;
using FsCheck.Fluent;

namespace Verity.Core.Tests.Selectors;

/// <summary>Random selectors and label sets over small alphabets, so keys and values collide
/// often. Label values include non-integers, signs and leading zeros to exercise &gt; and &lt;.</summary>
public static class SelectorArbitraries
{
    private static readonly string[] Keys = ["a", "b", "example.com/c"];
    private static readonly string[] Values = ["", "x", "y", "1", "5", "10", "007"];
    private static readonly string[] Integers = ["0", "1", "5", "10", "007"];
    private static readonly string[] LabelValues = ["", "x", "y", "0", "1", "5", "6", "10", "007", "-3", "+7", "abc", "1.5"];
    private static readonly string[] Ops = ["in", "notin", "=", "==", "!=", "exists", "!", ">", "<"];

    public static Arbitrary<SelectorCase> Cases() =>
        (from requirements in Requirement().ArrayOf().Resize(4)
         from labels in Label().ListOf().Resize(4)
         select new SelectorCase(requirements, Distinct(labels))).ToArbitrary();

    private static Gen<RefRequirement> Requirement() =>
        from key in Gen.Elements(Keys)
        from op in Gen.Elements(Ops)
        from values in op switch
        {
            "in" or "notin" => Gen.Elements(Values).NonEmptyListOf().Resize(3).Select(v => v.ToArray()),
            "exists" or "!" => Gen.Constant(Array.Empty<string>()),
            ">" or "<" => Gen.Elements(Integers).Select(v => new[] { v }),
            _ => Gen.Elements(Values).Select(v => new[] { v }),
        }
        select new RefRequirement(key, op, values);

    private static Gen<KeyValuePair<string, string>> Label() =>
        from key in Gen.Elements(Keys)
        from value in Gen.Elements(LabelValues)
        select KeyValuePair.Create(key, value);

    private static Dictionary<string, string> Distinct(IEnumerable<KeyValuePair<string, string>> labels)
    {
        var result = new Dictionary<string, string>();
        foreach (var (key, value) in labels)
        {
            result.TryAdd(key, value);
        }

        return result;
    }
}
