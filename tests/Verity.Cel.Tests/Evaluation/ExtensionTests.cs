using Verity.Cel.Library;
using Verity.Cel.Values;

namespace Verity.Cel.Tests.Evaluation;

/// <summary>The documented way to add a library: overloads in the open table plus an opaque value type.</summary>
public sealed class ExtensionTests
{
    private sealed class Version(int major, int minor) : ICelOpaqueValue, IComparable
    {
        public int Major { get; } = major;

        public int Minor { get; } = minor;

        public string TypeName => "test.Version";

        public int CompareTo(object? obj) => obj is Version v ? (Major, Minor).CompareTo((v.Major, v.Minor)) : 1;

        public override bool Equals(object? obj) => obj is Version v && v.Major == Major && v.Minor == Minor;

        public override int GetHashCode() => HashCode.Combine(Major, Minor);
    }

    private static void Register(FunctionRegistry r)
    {
        r.AddOpaqueType("test.Version");
        r.Add("version_parse", "version(string) -> test.Version", a =>
        {
            var parts = ((string)a[0]).Split('.');
            return parts.Length == 2 && int.TryParse(parts[0], out var ma) && int.TryParse(parts[1], out var mi)
                ? new Version(ma, mi)
                : new CelError($"invalid version '{a[0]}'");
        });
        r.Add("version_major", "test.Version:major() -> int", a => (long)((Version)a[0]).Major);
        r.Add("version_less", "_<_(test.Version, test.Version) -> bool", a => ((Version)a[0]).CompareTo(a[1]) < 0);
        r.Add("expensive", "expensive(string) -> bool", a => true);
        r.MarkSizeDependent("expensive");
        r.SetFixedCost("expensive", 1000);
    }

    private static readonly CelEnvironment Env = CelEnvironment.CreateInternal(new CelEnvironmentOptions(), TypeRegistry.Empty, Register);

    [Theory]
    [InlineData("version('1.2').major()", 1L)]
    [InlineData("version('1.2') < version('1.10')", true)]
    [InlineData("version('1.2') == version('1.2')", true)]
    [InlineData("type(version('1.2')) == test.Version", true)]
    public void Registered_functions_and_types_check_and_evaluate(string expr, object expected)
    {
        var c = Env.Compile(expr);
        Assert.True(c.Success, string.Join("; ", c.Issues));
        Assert.Equal(expected, c.Program!.Evaluate(new Dictionary<string, object?>()).Value!.ToObject());
    }

    [Fact]
    public void Checker_rejects_wrong_argument_types_for_registered_functions()
    {
        Assert.Equal("found no matching overload for 'major' applied to 'string.()'", Assert.Single(Env.Compile("'1.2'.major()").Issues).Message);
    }

    [Fact]
    public void Libraries_declare_costs_for_both_counters()
    {
        var program = Env.Compile("expensive('" + new string('x', 100) + "')").Program!;
        var r = program.Evaluate(new Dictionary<string, object?>());
        Assert.Equal(1 + 1000 + 10, r.ActualCost);
        Assert.True(program.EstimatedCost >= 1000);
        Assert.Equal("operation cancelled: actual cost limit exceeded", CelResultError(program, 500));
    }

    private static string? CelResultError(CelProgram p, long limit) =>
        p.Evaluate(new Dictionary<string, object?>(), new CelEvaluationOptions { CostLimit = limit }).Error;

    [Fact]
    public void Library_errors_are_values()
    {
        Assert.Equal("invalid version 'x'", Env.Compile("version('x').major()").Program!.Evaluate(new Dictionary<string, object?>()).Error);
    }
}
