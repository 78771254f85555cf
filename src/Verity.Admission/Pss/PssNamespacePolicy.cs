namespace Verity.Admission.Pss;

/// <summary>
/// Reads a namespace's <c>pod-security.kubernetes.io/*</c> labels exactly as PSA does (upstream <c>api/helpers.go</c>
/// <c>PolicyToEvaluate</c>), per mode:
/// <list type="bullet">
/// <item>a missing label keeps the default (level and version independently);</item>
/// <item>an invalid level label means <c>restricted</c> for enforce (fail closed) and <c>privileged</c> for audit and
/// warn (fail open);</item>
/// <item>an invalid version label means <c>latest</c>.</item>
/// </list>
/// </summary>
public static class PssNamespacePolicy
{
    public static PssPolicy FromLabels(IReadOnlyDictionary<string, string> labels, PssPolicy? defaults = null)
    {
        defaults ??= PssPolicy.Privileged;
        var problems = new List<string>();
        var enforce = Mode(labels, PssLabels.Enforce, PssLabels.EnforceVersion, defaults.Enforce, PssLevel.Restricted, problems);
        var audit = Mode(labels, PssLabels.Audit, PssLabels.AuditVersion, defaults.Audit, PssLevel.Privileged, problems);
        var warn = Mode(labels, PssLabels.Warn, PssLabels.WarnVersion, defaults.Warn, PssLevel.Privileged, problems);
        return new PssPolicy(enforce, audit, warn) { Problems = problems };
    }

    /// <param name="invalid">The level an unparsable level label means: restricted for enforce, privileged for audit and warn.</param>
    private static PssLevelVersion Mode(IReadOnlyDictionary<string, string> labels, string levelLabel, string versionLabel, PssLevelVersion fallback,
        PssLevel invalid, List<string> problems)
    {
        var level = fallback.Level;
        var version = fallback.Version;
        if (labels.TryGetValue(levelLabel, out var levelText) && !PssLevels.TryParse(levelText, out level))
        {
            level = invalid;
            problems.Add($"{levelLabel}=\"{levelText}\": must be one of privileged, baseline, restricted (evaluated as {invalid.Name()})");
        }
        if (labels.TryGetValue(versionLabel, out var versionText) && !PssVersion.TryParse(versionText, out version))
        {
            version = PssVersion.Latest;
            problems.Add($"{versionLabel}=\"{versionText}\": must be \"latest\" or \"v1.x\" (evaluated as latest)");
        }
        return new PssLevelVersion(level, version);
    }
}
