using Verity.Cel.Checking;
using Verity.Cel.Library;
using Verity.Cel.Parsing;
using Verity.Cel.Runtime;
using Verity.Cel.Values;

namespace Verity.Cel;

/// <summary>
/// Entry point: an immutable set of declarations, functions and limits that compiles CEL
/// expressions into <see cref="CelProgram"/>s. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// var env = CelEnvironment.Create(new CelEnvironmentOptions
/// {
///     Variables = new Dictionary&lt;string, CelType&gt; { ["object"] = CelType.Dyn },
/// });
/// var c = env.Compile("object.metadata.name.startsWith('kube-')");
/// var r = c.Program!.Evaluate(new Dictionary&lt;string, object?&gt; { ["object"] = jsonElement });
/// bool allowed = r.IsTrue;
/// </code>
/// </example>
public sealed class CelEnvironment
{
    private readonly CelEnvironmentOptions _options;

    // Private copy of the declarations: the environment stays immutable even if the caller's dictionary changes.
    private readonly IReadOnlyDictionary<string, CelType> _variables;

    private CelEnvironment(CelEnvironmentOptions options, EnvironmentCore core)
    {
        _options = options;
        _variables = System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(options.Variables, StringComparer.Ordinal);
        Core = core;
    }

    internal EnvironmentCore Core { get; }

    public CelEnvironmentOptions Options => _options;

    public static CelEnvironment Create(CelEnvironmentOptions? options = null) =>
        CreateInternal(options ?? new CelEnvironmentOptions(), TypeRegistry.Empty, null);

    /// <summary>Creates an environment with protobuf types and extra function libraries (for conformance tests and Kubernetes libraries).</summary>
    internal static CelEnvironment CreateInternal(CelEnvironmentOptions options, TypeRegistry types, Action<FunctionRegistry>? extraFunctions)
    {
        var functions = new FunctionRegistry();
        StandardLibrary.Register(functions);
        TimeLibrary.Register(functions);
        OptionalLibrary.Register(functions);
        if (options.Extensions.HasFlag(CelExtensions.Strings))
        {
            StringsExtension.Register(functions);
        }

        if (options.Extensions.HasFlag(CelExtensions.Math))
        {
            MathExtension.Register(functions);
        }

        if (options.Extensions.HasFlag(CelExtensions.Lists))
        {
            ListsExtension.Register(functions);
        }

        if (options.Extensions.HasFlag(CelExtensions.Sets))
        {
            SetsExtension.Register(functions);
        }

        if (options.Extensions.HasFlag(CelExtensions.Encoders))
        {
            EncodersExtension.Register(functions);
        }

        if (options.Extensions.HasFlag(CelExtensions.KubernetesLibraries))
        {
            Kubernetes.KubernetesLibrary.Register(functions);
        }

        extraFunctions?.Invoke(functions);
        return new CelEnvironment(options, new EnvironmentCore(functions, types, options.Container));
    }

    /// <summary>Parses and type-checks <paramref name="expression"/>. Never throws for bad input.</summary>
    public CelCompilation Compile(string expression) => Compile(expression, check: true);

    internal CelCompilation Compile(string expression, bool check)
    {
        var (expr, issues, _) = Parser.Parse(expression, Core.Functions.HasFunction, _options.MaxNestingDepth, _options.MaxExpressionCodePoints);
        if (expr is null)
        {
            return new CelCompilation(issues, null);
        }

        var resultType = CelType.Dyn;
        if (check)
        {
            var checker = new Checker(Core, _variables, new SourceText(expression));
            resultType = checker.Check(expr);
            if (checker.Issues.Count > 0)
            {
                return new CelCompilation(checker.Issues, null);
            }
        }

        var cost = CostEstimator.Estimate(expr, _options.AssumedCollectionSize, Core.Functions);
        return new CelCompilation([], new CelProgram(expr, Core, resultType, cost, check ? _variables : null));
    }
}
