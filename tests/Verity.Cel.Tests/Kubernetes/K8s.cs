using Verity.Cel.Kubernetes;
using Verity.Cel.Values;

namespace Verity.Cel.Tests.Kubernetes;

/// <summary>An environment with the Kubernetes libraries (wired as the lead will wire it) and evaluation helpers.</summary>
internal static class K8s
{
    public static readonly CelEnvironment Env = Create();

    public static CelEnvironment Create(IReadOnlyDictionary<string, CelType>? variables = null) =>
        CelEnvironment.CreateInternal(
            new CelEnvironmentOptions { Variables = variables ?? new Dictionary<string, CelType>() },
            TypeRegistry.Empty,
            KubernetesLibrary.Register);

    public static CelResult Eval(string expr, IReadOnlyDictionary<string, object?>? vars = null, CelEnvironment? env = null)
    {
        var c = (env ?? Env).Compile(expr);
        Assert.True(c.Success, $"compile failed for '{expr}': {string.Join("; ", c.Issues)}");
        return c.Program!.Evaluate(vars ?? new Dictionary<string, object?>());
    }

    /// <summary>The internal value of a successful evaluation.</summary>
    public static object Raw(string expr, IReadOnlyDictionary<string, object?>? vars = null, CelEnvironment? env = null)
    {
        var r = Eval(expr, vars, env);
        Assert.False(r.IsError, $"'{expr}' failed: {r.Error}");
        return r.Value!.Raw;
    }

    public static void True(string expr) => Assert.Equal(true, Raw(expr));

    public static void Error(string expr, string expected)
    {
        var r = Eval(expr);
        Assert.True(r.IsError, $"'{expr}' should fail but gave {r}");
        Assert.Equal(expected, r.Error);
    }

    public static string CompileError(string expr)
    {
        var c = Env.Compile(expr);
        Assert.False(c.Success, $"'{expr}' should not compile");
        return string.Join("; ", c.Issues.Select(i => i.ToString()));
    }

    /// <summary>Asserts the value equals <paramref name="expected"/> (long, double, bool, string, string[]).</summary>
    public static void Is(string expr, object expected)
    {
        var v = Raw(expr);
        if (expected is string[] list)
        {
            var l = Assert.IsAssignableFrom<CelList>(v);
            Assert.Equal(list, l.Items().Cast<string>().ToArray());
        }
        else
        {
            Assert.Equal(expected, v);
        }
    }
}
