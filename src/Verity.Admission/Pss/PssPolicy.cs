namespace Verity.Admission.Pss;

/// <summary>
/// The three modes of a namespace's Pod Security policy (upstream <c>api.Policy</c>): <see cref="Enforce"/> rejects
/// pods, <see cref="Audit"/> annotates audit events, <see cref="Warn"/> returns warnings. <see cref="Problems"/> are the
/// label values PSA found invalid (and replaced as <see cref="PssNamespacePolicy.FromLabels"/> says).
/// </summary>
public sealed record PssPolicy(PssLevelVersion Enforce, PssLevelVersion Audit, PssLevelVersion Warn)
{
    /// <summary>privileged:latest in every mode: PSA's built-in defaults.</summary>
    public static PssPolicy Privileged { get; } = new(PssLevelVersion.PrivilegedLatest, PssLevelVersion.PrivilegedLatest, PssLevelVersion.PrivilegedLatest);

    public IReadOnlyList<string> Problems { get; init; } = [];
}
