using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Verity.Cel.Tests.Properties;

/// <summary>Bad input never escapes as an exception: compiling and evaluating arbitrary text yields issues or error values.</summary>
public sealed class RobustnessProperties
{
    private static readonly string[] Tokens =
    [
        "1", "0x1F", "2u", "1.5", "'s'", "b'x'", "r'\\d'", "'''t'''", "true", "null", "x", "y", ".", ".?", "?", ":", ",",
        "(", ")", "[", "[?", "]", "{", "}", "+", "-", "*", "/", "%", "!", "<", "<=", "==", "!=", "&&", "||", " in ",
        "size", "map", "all", "exists", "filter", "has", "optional.of", "cel.bind", "matches", "'%d'.format",
        "timestamp", "duration", "int", "string", "dyn", "type", "`a-b`", "\\", "\"", "'", "if", "\n",
    ];

    private static readonly CelEnvironment Env = CelTestHelpers.EnvWith(("x", CelType.Dyn), ("y", CelType.List(CelType.Int)));

    [Property(MaxTest = 2000)]
    public Property Compile_and_evaluate_never_throw(int[] picks)
    {
        var text = string.Concat((picks ?? []).Select(p => Tokens[(int)((uint)p % (uint)Tokens.Length)]));
        var vars = new Dictionary<string, object?> { ["x"] = CelTestHelpers.Json("{\"a\": [1, 2.5, \"s\", null, {\"b\": true}]}"), ["y"] = new long[] { 1, 2 } };
        var compiled = Env.Compile(text);
        var unchecked_ = Env.Compile(text, check: false);
        if (compiled.Success)
        {
            _ = compiled.Program!.Evaluate(vars, new CelEvaluationOptions { CostLimit = 10_000 });
        }

        if (unchecked_.Success)
        {
            _ = unchecked_.Program!.Evaluate(vars, new CelEvaluationOptions { CostLimit = 10_000 });
        }

        return (compiled.Success || compiled.Issues.Count > 0).Label(text);
    }
}
