using Verity.Cel;

namespace Verity.Admission.Vap;

/// <summary>
/// The CEL cost limits of one policy evaluation, as the API server sets them (k8s.io/apiserver/pkg/apis/cel/config.go):
/// each expression may cost at most <see cref="PerCallLimit"/>, and all expressions of a validation run together at most
/// <see cref="RuntimeBudget"/>. An evaluation past either stops with an error, so no policy can hang the webhook.
/// </summary>
internal sealed class VapBudget
{
    /// <summary><c>PerCallLimit</c>: 1,000,000 cost units per expression.</summary>
    public const long PerCallLimit = 1_000_000;

    /// <summary><c>RuntimeCELCostBudget</c>: 10,000,000 cost units per policy evaluation.</summary>
    public const long RuntimeBudget = 10_000_000;

    public long Remaining { get; private set; } = RuntimeBudget;

    public bool Exhausted => Remaining <= 0;

    public CelResult Evaluate(CelProgram program, ICelActivation activation)
    {
        var result = program.Evaluate(activation, new CelEvaluationOptions { CostLimit = Math.Min(PerCallLimit, Math.Max(Remaining, 0)) });
        Remaining -= result.ActualCost;
        return result;
    }
}
