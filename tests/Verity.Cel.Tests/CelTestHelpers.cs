using System.Text.Json;

namespace Verity.Cel.Tests;

/// <summary>Compiles and evaluates expressions for tests; fails the test on compile issues.</summary>
internal static class CelTestHelpers
{
    public static readonly CelEnvironment Env = CelEnvironment.Create();

    public static CelResult Eval(string expr, IReadOnlyDictionary<string, object?>? vars = null, CelEvaluationOptions? options = null, CelEnvironment? env = null)
    {
        var c = (env ?? Env).Compile(expr);
        Assert.True(c.Success, $"compile failed for '{expr}': {string.Join("; ", c.Issues)}");
        return c.Program!.Evaluate(vars ?? new Dictionary<string, object?>(), options);
    }

    public static object? Value(string expr, IReadOnlyDictionary<string, object?>? vars = null, CelEnvironment? env = null)
    {
        var r = Eval(expr, vars, env: env);
        Assert.False(r.IsError, $"'{expr}' failed: {r.Error}");
        return r.Value!.ToObject();
    }

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static CelEnvironment EnvWith(params (string Name, CelType Type)[] vars) =>
        CelEnvironment.Create(new CelEnvironmentOptions { Variables = vars.ToDictionary(v => v.Name, v => v.Type) });
}
