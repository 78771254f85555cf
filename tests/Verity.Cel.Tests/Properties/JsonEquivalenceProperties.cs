using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Verity.Cel.Tests.Properties;

/// <summary>
/// Differential: a document read lazily from a JsonElement behaves exactly like the same value
/// written as a CEL literal (equality, size, lookups, comprehensions), and numeric ordering across
/// int/double agrees with the reference comparison.
/// </summary>
public sealed class JsonEquivalenceProperties
{
    private static readonly CelEnvironment Env = CelTestHelpers.EnvWith(("j", CelType.Dyn), ("a", CelType.Int), ("b", CelType.Double));

    private static (string Json, string Cel) Render(Random rnd, int depth)
    {
        switch (depth > 2 ? rnd.Next(4) : rnd.Next(6))
        {
            case 0:
            {
                var n = rnd.NextInt64(-1_000_000, 1_000_000);
                return (n.ToString(CultureInfo.InvariantCulture), n.ToString(CultureInfo.InvariantCulture));
            }

            case 1:
            {
                var s = new string(Enumerable.Range(0, rnd.Next(5)).Select(_ => "ab'\"\\é😀 "[rnd.Next(9)]).ToArray()).Replace("\uD83D", "", StringComparison.Ordinal).Replace("\uDE00", "", StringComparison.Ordinal);
                return (JsonSerializer.Serialize(s), Extensions.StringsQuote(s));
            }

            case 2:
            {
                var b = rnd.Next(2) == 0;
                return (b ? "true" : "false", b ? "true" : "false");
            }

            case 3:
            {
                var d = Math.Round(rnd.NextDouble() * 100, 2) + 0.5;
                var t = d.ToString("R", CultureInfo.InvariantCulture);
                return (t.Contains('.') ? t : t + ".0", t.Contains('.') ? t : t + ".0");
            }

            case 4:
            {
                var items = Enumerable.Range(0, rnd.Next(4)).Select(_ => Render(rnd, depth + 1)).ToList();
                return ("[" + string.Join(",", items.Select(i => i.Json)) + "]", "[" + string.Join(", ", items.Select(i => "dyn(" + i.Cel + ")")) + "]");
            }

            default:
            {
                var keys = Enumerable.Range(0, rnd.Next(4)).Select(i => "k" + i).ToList();
                var items = keys.Select(k => (k, v: Render(rnd, depth + 1))).ToList();
                return ("{" + string.Join(",", items.Select(i => $"\"{i.k}\":{i.v.Json}")) + "}",
                    "{" + string.Join(", ", items.Select(i => $"'{i.k}': dyn({i.v.Cel})")) + "}");
            }
        }
    }

    [Property(MaxTest = 300)]
    public Property Json_backed_values_equal_their_literals(int seed)
    {
        var (json, cel) = Render(new Random(seed), 0);
        var vars = new Dictionary<string, object?> { ["j"] = CelTestHelpers.Json(json) };
        var checks = new[]
        {
            $"j == {cel}",
            $"{cel} == j",
            $"type(j) == type({cel})",
            $"type(j) == list || type(j) == map || string(j) == string(dyn({cel}))",
            $"!(type(j) == map) || j.all(k, j[k] == dyn({cel})[k])",
            $"!(type(j) == list) || size(j) == size(dyn({cel})) && j.all(x, x in dyn({cel}))",
        };
        var failures = checks.Where(c =>
        {
            var compiled = Env.Compile(c);
            return !compiled.Success || !compiled.Program!.Evaluate(vars).IsTrue;
        }).ToList();
        return (failures.Count == 0).Label($"json={json} cel={cel} failed: {string.Join(" | ", failures)}");
    }

    [Property(MaxTest = 500)]
    public Property Int_double_ordering_matches_reference(long a, double b)
    {
        var r = Env.Compile("[dyn(a) < b, dyn(a) <= b, dyn(a) > b, dyn(a) == b]").Program!
            .Evaluate(new Dictionary<string, object?> { ["a"] = a, ["b"] = b });
        var got = ((List<object?>)r.Value!.ToObject()!).Cast<bool>().ToArray();
        var x = (double)a;
        return got.SequenceEqual([x < b, x <= b, x > b, x == b]).Label($"a={a} b={b}");
    }

    private static class Extensions
    {
        public static string StringsQuote(string s) => Verity.Cel.Library.StringsExtension.Quote(s);
    }
}
