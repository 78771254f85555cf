namespace Verity.Cel;

/// <summary>Per-evaluation limits.</summary>
public sealed record CelEvaluationOptions
{
    public static readonly CelEvaluationOptions Default = new();

    /// <summary>Kubernetes' per-expression runtime cost limit (k8s.io/apiserver PerCallLimit).</summary>
    public const long KubernetesPerCallLimit = 1_000_000;

    /// <summary>
    /// Runtime cost budget (default: <see cref="KubernetesPerCallLimit"/>; use long.MaxValue for none). When exceeded, evaluation stops with the error
    /// "operation cancelled: actual cost limit exceeded" (the Kubernetes text). Cost units are
    /// roughly one per evaluated operation/variable/field access plus one per comprehension
    /// iteration, and proportional to string and list sizes for functions that scan them.
    /// </summary>
    public long CostLimit { get; init; } = KubernetesPerCallLimit;

    /// <summary>Cancels a long evaluation (checked periodically); surfaces as an error result.</summary>
    public CancellationToken Cancellation { get; init; }
}
