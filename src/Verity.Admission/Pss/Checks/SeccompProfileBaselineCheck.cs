using static Verity.Admission.Pss.Checks.PssText;

namespace Verity.Admission.Pss.Checks;

/// <summary>
/// Baseline <c>seccompProfile_baseline</c>: before v1.19 the alpha annotations
/// (<c>seccomp.security.alpha.kubernetes.io/pod</c>, <c>container.seccomp.security.alpha.kubernetes.io/NAME</c>) may only
/// be <c>runtime/default</c>, <c>docker/default</c> or <c>localhost/*</c>; from v1.19 the <c>seccompProfile.type</c> fields
/// may only be RuntimeDefault or Localhost (or unset). Upstream: <c>policy/check_seccompProfile_baseline.go</c>.
/// </summary>
internal static class SeccompProfileBaselineCheck
{
    public const string Id = "seccompProfile_baseline";
    private const string PodAnnotation = "seccomp.security.alpha.kubernetes.io/pod";
    private const string ContainerAnnotationPrefix = "container.seccomp.security.alpha.kubernetes.io/";

    public static PssCheck Check { get; } = new(Id, PssLevel.Baseline, [new VersionedCheck(0, V1Dot0), new VersionedCheck(19, V1Dot19)]);

    internal static bool ValidType(string? type) => type is "Localhost" or "RuntimeDefault";

    private static bool ValidAnnotation(string value) =>
        value is "runtime/default" or "docker/default" || value.StartsWith("localhost/", StringComparison.Ordinal);

    private static CheckResult V1Dot0(PodInput pod)
    {
        var forbidden = new List<string>();
        if (pod.Annotations.TryGetValue(PodAnnotation, out var podValue) && !ValidAnnotation(podValue))
            forbidden.Add($"{PodAnnotation}={GoQuote.Quote(podValue)}");
        foreach (var c in pod.Containers)
        {
            var key = ContainerAnnotationPrefix + c.Name;
            if (pod.Annotations.TryGetValue(key, out var value) && !ValidAnnotation(value)) forbidden.Add($"{key}={GoQuote.Quote(value)}");
        }
        if (forbidden.Count == 0) return CheckResult.Allow;
        var set = SortedSet(forbidden);
        return CheckResult.Forbid("seccompProfile", $"forbidden {Pluralize("annotation", "annotations", set.Count)} {string.Join(", ", set)}");
    }

    private static CheckResult V1Dot19(PodInput pod)
    {
        var badSetters = new List<string>();
        var badValues = new List<string>();
        if (pod.Spec.SecurityContext?.SeccompProfile is { } podProfile && !ValidType(podProfile.Type))
        {
            badSetters.Add("pod");
            badValues.Add(podProfile.Type ?? "");
        }
        var badContainers = new List<string>();
        foreach (var c in pod.Containers)
        {
            if (c.SecurityContext?.SeccompProfile is not { } profile || ValidType(profile.Type)) continue;
            badContainers.Add(c.Name);
            badValues.Add(profile.Type ?? "");
        }
        if (badContainers.Count > 0) badSetters.Add(Containers(badContainers));
        if (badSetters.Count == 0) return CheckResult.Allow;
        return CheckResult.Forbid("seccompProfile",
            $"{string.Join(" and ", badSetters)} must not set securityContext.seccompProfile.type to {JoinQuote(SortedSet(badValues))}");
    }
}
