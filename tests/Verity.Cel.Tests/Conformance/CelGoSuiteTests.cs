using System.Text;
using Xunit.Abstractions;

namespace Verity.Cel.Tests.Conformance;

/// <summary>
/// cel-go derived parser/checker suites shipped in @bufbuild/cel-spec (parsing.js, checking.js,
/// comprehension.js). These compare ASTs and checker output in cel-go's debug format, which
/// Verity does not reproduce; what is checked here is that an expression compiles exactly when
/// cel-go accepts it, and (checking suite) that the deduced type has the same name.
/// </summary>
public sealed class CelGoSuiteTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, double> Targets = new(StringComparer.Ordinal)
    {
        ["parsing"] = 0.95, ["checking"] = 0.60, ["comprehension"] = 0.35,
    };

    [SkippableFact]
    public void Cel_go_parser_and_checker_suites()
    {
        var doc = ConformanceData.Document;
        Skip.If(doc is null, ConformanceData.Unavailable);
        var types = Values.TypeRegistry.FromJson(doc!.RootElement.GetProperty("types"));
        var table = new StringBuilder("| suite | passed | total | rate |\n|---|---:|---:|---:|\n");
        var failures = new List<string>();
        var missed = new List<string>();
        foreach (var suite in new[] { "parsing", "checking", "comprehension" })
        {
            int passed = 0, total = 0;
            foreach (var t in doc.RootElement.GetProperty(suite).EnumerateArray())
            {
                total++;
                var expr = t.GetProperty("expr").GetString()!;
                var vars = new Dictionary<string, CelType>(StringComparer.Ordinal);
                if (t.TryGetProperty("typeEnv", out var te) && te.ValueKind == System.Text.Json.JsonValueKind.Array)
                {
                    foreach (var d in te.EnumerateArray())
                    {
                        if (d.TryGetProperty("ident", out var id))
                        {
                            vars[d.GetProperty("name").GetString()!] = ProtoJson.Type(id.GetProperty("type"));
                        }
                    }
                }

                var container = t.TryGetProperty("container", out var c) && c.ValueKind == System.Text.Json.JsonValueKind.String ? c.GetString()! : "";
                var env = CelEnvironment.CreateInternal(new CelEnvironmentOptions { Variables = vars, Container = container }, types, null);
                var expectError = t.TryGetProperty("error", out var err) && err.ValueKind == System.Text.Json.JsonValueKind.String;
                var compiled = env.Compile(expr, check: true);
                var ok = compiled.Success != expectError;
                if (ok && suite == "checking" && compiled.Success && t.TryGetProperty("type", out var ty) && ty.ValueKind == System.Text.Json.JsonValueKind.String)
                {
                    ok = compiled.Program!.ResultType.ToString() == ty.GetString();
                }

                if (ok)
                {
                    passed++;
                }
                else
                {
                    failures.Add($"{suite}: {expr} => expected {(expectError ? "error " + err.GetString()!.Split('\n')[0] : "success " + (t.TryGetProperty("type", out var tt) ? tt.ToString() : ""))}, got {(compiled.Success ? "success " + compiled.Program!.ResultType : string.Join("; ", compiled.Issues))}");
                }
            }

            var rate = (double)passed / total;
            table.AppendLine($"| {suite} | {passed} | {total} | {rate:P1} |");
            if (rate < Targets[suite])
            {
                missed.Add($"{suite}: {rate:P1}");
            }
        }

        output.WriteLine(table.ToString());
        foreach (var f in failures)
        {
            output.WriteLine("  " + f);
        }

        var dump = Environment.GetEnvironmentVariable("CEL_CONFORMANCE_REPORT");
        if (!string.IsNullOrEmpty(dump))
        {
            File.WriteAllText(dump + ".celgo.md", table + "\n" + string.Join("\n", failures));
        }

        Assert.True(missed.Count == 0, "below floor: " + string.Join(", ", missed));
    }
}
