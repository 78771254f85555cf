namespace Verity.Admission.Pss;

/// <summary>
/// A level at a version, e.g. <c>restricted:v1.30</c> (upstream <c>api.LevelVersion</c>); <see cref="ToString"/> is the
/// form Pod Security Admission prints in <c>violates PodSecurity "restricted:v1.30": …</c>.
/// </summary>
public readonly record struct PssLevelVersion(PssLevel Level, PssVersion Version)
{
    public static PssLevelVersion PrivilegedLatest { get; } = new(PssLevel.Privileged, PssVersion.Latest);

    public override string ToString() => $"{Level.Name()}:{Version}";
}
