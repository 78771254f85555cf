namespace Verity.Admission.Pss;

/// <summary>How <see cref="PssSnapshotEvaluator"/> picks the policy of each pod.</summary>
public sealed record PssSnapshotOptions
{
    /// <summary>When set, the enforce policy of every namespace (labels then only give audit and warn).</summary>
    public PssLevelVersion? Enforce { get; init; }

    /// <summary>The defaults for namespaces without labels (PSA's AdmissionConfiguration defaults); privileged:latest.</summary>
    public PssPolicy Defaults { get; init; } = PssPolicy.Privileged;
}
