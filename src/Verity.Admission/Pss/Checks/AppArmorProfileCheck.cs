using k8s.Models;
using static Verity.Admission.Pss.Checks.PssText;

namespace Verity.Admission.Pss.Checks;

/// <summary>
/// Baseline <c>appArmorProfile</c> (v1.0): the pod and container <c>appArmorProfile.type</c> must be RuntimeDefault or
/// Localhost, and the deprecated <c>container.apparmor.security.beta.kubernetes.io/*</c> annotations
/// <c>runtime/default</c>, <c>localhost/*</c> or empty. Upstream: <c>policy/check_appArmorProfile.go</c>.
/// </summary>
internal static class AppArmorProfileCheck
{
    private const string AnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/";

    public static PssCheck Check { get; } = new("appArmorProfile", PssLevel.Baseline, [new VersionedCheck(0, V1Dot0)]);

    private static bool AllowedType(string? type) => type is "RuntimeDefault" or "Localhost";

    private static bool AllowedAnnotation(string value) =>
        value.Length == 0 || value == "runtime/default" || value.StartsWith("localhost/", StringComparison.Ordinal);

    private static CheckResult V1Dot0(PodInput pod)
    {
        var badSetters = new List<string>();
        var badValues = new List<string>();
        if (pod.Spec.SecurityContext?.AppArmorProfile is { } podProfile && !AllowedType(podProfile.Type))
        {
            badSetters.Add("pod");
            badValues.Add(podProfile.Type ?? "");
        }
        var badContainers = new List<string>();
        foreach (var c in pod.Containers)
        {
            if (c.SecurityContext?.AppArmorProfile is { } profile && !AllowedType(profile.Type))
            {
                badContainers.Add(c.Name);
                badValues.Add(profile.Type ?? "");
            }
        }
        if (badContainers.Count > 0) badSetters.Add(Containers(badContainers));
        var valueList = SortedSet(badValues);
        var annotations = pod.Annotations
            .Where(a => a.Key.StartsWith(AnnotationPrefix, StringComparison.Ordinal) && !AllowedAnnotation(a.Value))
            .Select(a => $"{a.Key}={GoQuote.Quote(a.Value)}").Order(StringComparer.Ordinal).ToList();
        if (annotations.Count > 0)
        {
            valueList.AddRange(annotations);
            badSetters.Add(Pluralize("annotation", "annotations", annotations.Count));
        }
        if (badSetters.Count == 0) return CheckResult.Allow;
        return CheckResult.Forbid(
            Pluralize("forbidden AppArmor profile", "forbidden AppArmor profiles", valueList.Count),
            $"{string.Join(" and ", badSetters)} must not set AppArmor profile type to {JoinQuote(valueList)}");
    }
}
