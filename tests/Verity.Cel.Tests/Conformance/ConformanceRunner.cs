using System.Text.Json;
using Verity.Cel.Values;

namespace Verity.Cel.Tests.Conformance;

/// <summary>Runs cel-spec conformance tests against Verity.Cel and tallies results per suite.</summary>
internal sealed class ConformanceRunner
{
    private readonly TypeRegistry _types;
    private readonly ProtoJson _proto;

    public ConformanceRunner(JsonElement root)
    {
        _types = TypeRegistry.FromJson(root.GetProperty("types"));
        _proto = new ProtoJson(_types);
    }

    public sealed record Outcome(string Suite, string Test, bool Passed, string Detail);

    public IEnumerable<Outcome> RunSuite(JsonElement suite)
    {
        var suiteName = suite.GetProperty("name").GetString()!;
        foreach (var section in suite.GetProperty("sections").EnumerateArray())
        {
            var sectionName = section.GetProperty("name").GetString()!;
            foreach (var t in section.GetProperty("tests").EnumerateArray())
            {
                var name = $"{suiteName}/{sectionName}/{t.GetProperty("name").GetString()}";
                Outcome o;
                try
                {
                    o = RunOne(suiteName, name, t);
                }
                catch (Exception ex)
                {
                    o = new Outcome(suiteName, name, false, "harness/engine exception: " + ex.GetType().Name + ": " + ex.Message);
                }

                yield return o;
            }
        }
    }

    private Outcome RunOne(string suite, string name, JsonElement t)
    {
        var expr = t.GetProperty("expr").GetString()!;
        var vars = new Dictionary<string, CelType>(StringComparer.Ordinal);
        var functions = new List<Library.Overload>();
        if (t.TryGetProperty("typeEnv", out var typeEnv))
        {
            foreach (var d in typeEnv.EnumerateArray())
            {
                var declName = d.GetProperty("name").GetString()!;
                if (d.TryGetProperty("ident", out var ident))
                {
                    vars[declName] = ProtoJson.Type(ident.GetProperty("type"));
                }
                else if (d.TryGetProperty("function", out var fn) && fn.TryGetProperty("overloads", out var ovs))
                {
                    foreach (var ov in ovs.EnumerateArray())
                    {
                        var ps = ov.TryGetProperty("params", out var pj) ? pj.EnumerateArray().Select(ProtoJson.Type).ToList() : [];
                        var member = ov.TryGetProperty("isInstanceFunction", out var inst) && inst.GetBoolean();
                        functions.Add(new Library.Overload(
                            ov.GetProperty("overloadId").GetString()!, declName, member, [.. ps],
                            ov.TryGetProperty("resultType", out var rt) ? ProtoJson.Type(rt) : CelType.Dyn,
                            _ => new CelError("declared for type checking only")));
                    }
                }
            }
        }

        var container = t.TryGetProperty("container", out var c) ? c.GetString()! : "";
        var disableCheck = t.TryGetProperty("disableCheck", out var dc) && dc.GetBoolean();
        var env = CelEnvironment.CreateInternal(
            new CelEnvironmentOptions { Variables = vars, Container = container, Extensions = CelExtensions.All }, _types, r => functions.ForEach(r.Add));

        if (t.TryGetProperty("checkOnly", out var co) && co.GetBoolean())
        {
            var cc = env.Compile(expr, check: true);
            if (!cc.Success)
            {
                return new Outcome(suite, name, false, $"{expr}: check failed: {string.Join("; ", cc.Issues)}");
            }

            var want = ProtoJson.Type(t.GetProperty("typedResult").GetProperty("deducedType"));
            return cc.Program!.ResultType.Equals(want)
                ? new Outcome(suite, name, true, "")
                : new Outcome(suite, name, false, $"{expr}: expected type {want}, got {cc.Program.ResultType}");
        }

        var compiled = env.Compile(expr, check: !disableCheck);
        if (!compiled.Success)
        {
            return new Outcome(suite, name, false, $"{expr}: compile failed: {string.Join("; ", compiled.Issues)}");
        }

        var bindings = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (t.TryGetProperty("bindings", out var b))
        {
            foreach (var p in b.EnumerateObject())
            {
                bindings[p.Name] = _proto.Value(p.Value.GetProperty("value"));
            }
        }

        var actual = compiled.Program!.EvaluateRaw(new Runtime.DictionaryActivation(bindings));
        if (t.TryGetProperty("typedResult", out var typed))
        {
            var want = ProtoJson.Type(typed.GetProperty("deducedType"));
            if (!compiled.Program.ResultType.Equals(want))
            {
                return new Outcome(suite, name, false, $"{expr}: expected type {want}, got {compiled.Program.ResultType}");
            }

            if (!typed.TryGetProperty("result", out var res))
            {
                return new Outcome(suite, name, true, "");
            }

            var exp = _proto.Value(res);
            return actual is not CelError && StrictEqual(exp, actual)
                ? new Outcome(suite, name, true, "")
                : new Outcome(suite, name, false, $"{expr}: expected {Show(exp)}, got {Show(actual)}");
        }

        if (t.TryGetProperty("value", out var expectedJson))
        {
            var expected = _proto.Value(expectedJson);
            if (actual is CelError err)
            {
                return new Outcome(suite, name, false, $"{expr}: expected {ValueOps.Format(expected)}, got error: {err.Message}");
            }

            return StrictEqual(expected, actual)
                ? new Outcome(suite, name, true, "")
                : new Outcome(suite, name, false, $"{expr}: expected {Show(expected)}, got {Show(actual)}");
        }

        if (t.TryGetProperty("evalError", out _))
        {
            return actual is CelError
                ? new Outcome(suite, name, true, "")
                : new Outcome(suite, name, false, $"{expr}: expected an error, got {Show(actual)}");
        }

        if (t.TryGetProperty("typedResult", out _) || t.TryGetProperty("unknown", out _))
        {
            return new Outcome(suite, name, false, $"{expr}: unsupported expectation kind");
        }

        // cel-spec: a test without an explicit result expects the value true.
        return actual is true
            ? new Outcome(suite, name, true, "")
            : new Outcome(suite, name, false, $"{expr}: expected true, got {Show(actual)}");
    }

    private static string Show(object v) => v is CelError e ? "error: " + e.Message : $"{ValueOps.Format(v)} ({ValueOps.TypeOf(v)})";

    /// <summary>Equality that also requires identical runtime types (1 != 1.0 here), and NaN == NaN.</summary>
    public static bool StrictEqual(object a, object b)
    {
        switch (a, b)
        {
            case (double x, double y):
                return (double.IsNaN(x) && double.IsNaN(y)) || x.Equals(y);
            case (CelList x, CelList y):
                return x.Count == y.Count && Enumerable.Range(0, x.Count).All(i => StrictEqual(x[i], y[i]));
            case (CelMap x, CelMap y):
                return x.Count == y.Count && x.Entries().All(kv => y.TryGet(kv.Key, out var v) && StrictEqual(kv.Value, v));
            case (CelMessage x, CelMessage y):
                return x.TypeName == y.TypeName && x.Fields.Count == y.Fields.Count
                    && x.Fields.All(kv => y.Fields.TryGetValue(kv.Key, out var v) && StrictEqual(kv.Value, v));
            default:
                return ValueOps.TypeOf(a).Equals(ValueOps.TypeOf(b)) && ValueOps.Equal(a, b);
        }
    }
}
