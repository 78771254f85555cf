using Verity.Cel.Parsing;
using Verity.Cel.Runtime;
using Verity.Cel.Values;

namespace Verity.Cel;

/// <summary>
/// A compiled expression, ready to evaluate. Immutable and thread-safe: compile once, cache,
/// and evaluate concurrently with different activations.
/// </summary>
public sealed class CelProgram
{
    private readonly Expr _expr;
    private readonly EnvironmentCore _env;

    private readonly IReadOnlyDictionary<string, CelType>? _declared;

    internal CelProgram(Expr expr, EnvironmentCore env, CelType resultType, long estimatedCost, IReadOnlyDictionary<string, CelType>? declared)
    {
        _declared = declared;
        _expr = expr;
        _env = env;
        ResultType = resultType;
        EstimatedCost = estimatedCost;
    }

    /// <summary>Result type computed by the checker (<see cref="CelType.Dyn"/> when unknown).</summary>
    public CelType ResultType { get; }

    /// <summary>
    /// Coarse static upper bound of the runtime cost, in the units of
    /// <see cref="CelEvaluationOptions.CostLimit"/>; comprehensions over inputs of unknown size assume
    /// <see cref="CelEnvironmentOptions.AssumedCollectionSize"/> elements. Saturates at long.MaxValue.
    /// </summary>
    public long EstimatedCost { get; }

    internal Expr Expression => _expr;

    public CelResult Evaluate(IReadOnlyDictionary<string, object?> variables, CelEvaluationOptions? options = null) =>
        Evaluate(new DictionaryActivation(variables), options);

    public CelResult Evaluate(ICelActivation activation, CelEvaluationOptions? options = null)
    {
        options ??= CelEvaluationOptions.Default;
        var interp = new Interpreter(_env, activation, options.CostLimit, options.Cancellation, _declared);
        try
        {
            var v = interp.Eval(_expr, null);
            return v switch
            {
                CelError e => CelResult.Failure(e.Message, interp.ActualCost),
                CelUnknown u => CelResult.Unknown(u.Attributes, interp.ActualCost),
                _ => CelResult.Success(v, interp.ActualCost),
            };
        }
        catch (CostLimitExceededException ex)
        {
            return CelResult.Failure(ex.Message, interp.ActualCost);
        }
        catch (OperationCanceledException)
        {
            return CelResult.Failure("operation cancelled", interp.ActualCost);
        }
        catch (InsufficientExecutionStackException)
        {
            return CelResult.Failure("evaluation exceeded the maximum nesting depth", interp.ActualCost);
        }
        catch (ObjectDisposedException ex)
        {
            // A JsonElement whose JsonDocument was disposed before evaluation (caller error).
            return CelResult.Failure("input no longer available: " + ex.Message, interp.ActualCost);
        }
    }

    /// <summary>Evaluates and returns the raw internal value (tests and benchmarks).</summary>
    internal object EvaluateRaw(ICelActivation activation, CelEvaluationOptions? options = null)
    {
        options ??= CelEvaluationOptions.Default;
        var interp = new Interpreter(_env, activation, options.CostLimit, options.Cancellation, _declared);
        try
        {
            return interp.Eval(_expr, null);
        }
        catch (CostLimitExceededException ex)
        {
            return new CelError(ex.Message);
        }
    }
}
