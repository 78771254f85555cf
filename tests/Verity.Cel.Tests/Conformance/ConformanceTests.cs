using System.Text;
using Xunit.Abstractions;

namespace Verity.Cel.Tests.Conformance;

/// <summary>
/// cel-spec conformance (v0.25.1 suites from @bufbuild/cel-spec 0.6.1). Reports the pass rate per
/// suite and asserts the targets of issue 7. Skips when the npm package is not installed.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    /// <summary>
    /// Minimum pass rate per suite. Issue 7 asks for 100% of the core suites and ≥ 95% of
    /// optionals, string_ext, macros2 and the other suites a Kubernetes environment enables; all
    /// of them pass completely today, so every suite that runs is held at 100% to catch regressions.
    /// </summary>
    private static readonly Dictionary<string, double> Targets = new(StringComparer.Ordinal)
    {
        ["basic"] = 1.0, ["comparisons"] = 1.0, ["conversions"] = 1.0, ["fields"] = 1.0, ["lists"] = 1.0,
        ["logic"] = 1.0, ["macros"] = 1.0, ["parse"] = 1.0, ["string"] = 1.0, ["timestamps"] = 1.0,
        ["fp_math"] = 1.0, ["integer_math"] = 1.0,
        ["optionals"] = 1.0, ["string_ext"] = 1.0, ["macros2"] = 1.0, ["bindings_ext"] = 1.0, ["math_ext"] = 1.0,
        ["plumbing"] = 1.0, ["namespace"] = 1.0, ["dynamic"] = 1.0, ["wrappers"] = 1.0, ["type_deductions"] = 1.0,
        ["block_ext"] = 1.0, ["encoders_ext"] = 1.0, ["enums"] = 1.0, ["proto2"] = 1.0, ["proto3"] = 1.0,
    };

    /// <summary>Suites not run, with the reason.</summary>
    internal static readonly Dictionary<string, string> SkippedSuites = new(StringComparer.Ordinal)
    {
        ["proto2_ext"] = "proto2 extensions: Verity evaluates Kubernetes JSON objects, not protobuf messages",
        ["unknowns"] = "empty in cel-spec v0.25.1",
    };

    /// <summary>Sections (suite/section prefix) not run, with the reason.</summary>
    internal static readonly Dictionary<string, string> SkippedSections = new(StringComparer.Ordinal)
    {
        ["proto2/extensions_"] = "proto2 extension fields: Verity evaluates Kubernetes JSON objects, not protobuf messages",
        ["enums/strong_"] = "strong enum typing (enum types as distinct CEL types, TestAllTypes.NestedEnum(int) conversions): cel-go and Kubernetes use legacy enums (plain ints), which the legacy_* sections cover",
    };

    [SkippableFact]
    public void Conformance_suites_meet_pass_rate_targets()
    {
        var doc = ConformanceData.Document;
        Skip.If(doc is null, ConformanceData.Unavailable);
        var runner = new ConformanceRunner(doc!.RootElement);
        var table = new StringBuilder();
        table.AppendLine("| suite | passed | total | rate | target |");
        table.AppendLine("|---|---:|---:|---:|---:|");
        var failures = new List<string>();
        var missed = new List<string>();
        foreach (var suite in doc.RootElement.GetProperty("conformance").EnumerateArray())
        {
            var name = suite.GetProperty("name").GetString()!;
            if (SkippedSuites.TryGetValue(name, out var why))
            {
                table.AppendLine($"| {name} | - | - | skipped | {why} |");
                continue;
            }

            var outcomes = runner.RunSuite(suite)
                .Where(o => !SkippedSections.Keys.Any(prefix => o.Test.StartsWith(prefix, StringComparison.Ordinal)))
                .ToList();
            var passed = outcomes.Count(o => o.Passed);
            var rate = outcomes.Count == 0 ? 1.0 : (double)passed / outcomes.Count;
            var target = Targets.TryGetValue(name, out var tg) ? tg : (double?)null;
            table.AppendLine($"| {name} | {passed} | {outcomes.Count} | {rate:P1} | {(target is null ? "report" : target.Value.ToString("P0"))} |");
            failures.AddRange(outcomes.Where(o => !o.Passed).Select(o => $"{o.Test}: {o.Detail}"));
            if (target is not null && rate < target.Value)
            {
                missed.Add($"{name}: {rate:P1} < {target:P0}");
            }
        }

        foreach (var (section, why) in SkippedSections)
        {
            table.AppendLine($"| {section}* | - | - | skipped | {why} |");
        }

        output.WriteLine(table.ToString());
        output.WriteLine("Failures:");
        foreach (var f in failures)
        {
            output.WriteLine("  " + f);
        }

        var dump = Environment.GetEnvironmentVariable("CEL_CONFORMANCE_REPORT");
        if (!string.IsNullOrEmpty(dump))
        {
            File.WriteAllText(dump, table + "\nFailures:\n" + string.Join("\n", failures));
        }

        Assert.True(missed.Count == 0, "targets missed: " + string.Join(", ", missed));
    }
}
