namespace Verity.Server.Admission;

/// <summary>
/// Opt-in defaults <c>/mutate</c> adds to pod specs (Pods on CREATE, workload pod templates on CREATE and UPDATE). Only
/// fields that are absent are added; a value the user set is never changed.
/// </summary>
public sealed record MutationConfig
{
    /// <summary>Adds pod-level <c>securityContext.seccompProfile: {type: RuntimeDefault}</c> (not on Windows pods, where the API rejects it).</summary>
    public bool SeccompRuntimeDefault { get; init; }

    /// <summary>Adds <c>automountServiceAccountToken: false</c>.</summary>
    public bool DisableServiceAccountTokenAutomount { get; init; }

    public bool Any => SeccompRuntimeDefault || DisableServiceAccountTokenAutomount;
}
