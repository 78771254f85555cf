using k8s.Models;
using static Verity.Admission.Pss.Checks.PssText;

namespace Verity.Admission.Pss.Checks;

/// <summary>
/// Baseline <c>seLinuxOptions</c>: <c>seLinuxOptions.type</c> empty, <c>container_t</c>, <c>container_init_t</c> or
/// <c>container_kvm_t</c> (v1.0), plus <c>container_engine_t</c> (v1.31); <c>user</c> and <c>role</c> unset.
/// Upstream: <c>policy/check_seLinuxOptions.go</c>.
/// </summary>
internal static class SeLinuxOptionsCheck
{
    private static readonly HashSet<string> Types1Dot0 = new(StringComparer.Ordinal) { "", "container_t", "container_init_t", "container_kvm_t" };
    private static readonly HashSet<string> Types1Dot31 = new(Types1Dot0, StringComparer.Ordinal) { "container_engine_t" };

    public static PssCheck Check { get; } = new("seLinuxOptions", PssLevel.Baseline,
        [new VersionedCheck(0, pod => Evaluate(pod, Types1Dot0)), new VersionedCheck(31, pod => Evaluate(pod, Types1Dot31))]);

    private static CheckResult Evaluate(PodInput pod, HashSet<string> allowedTypes)
    {
        var badSetters = new List<string>();
        var badTypes = new List<string>();
        var setUser = false;
        var setRole = false;
        bool Valid(V1SELinuxOptions options)
        {
            var valid = true;
            if (!allowedTypes.Contains(options.Type ?? ""))
            {
                valid = false;
                badTypes.Add(options.Type ?? "");
            }
            if (!string.IsNullOrEmpty(options.User))
            {
                valid = false;
                setUser = true;
            }
            if (!string.IsNullOrEmpty(options.Role))
            {
                valid = false;
                setRole = true;
            }
            return valid;
        }
        if (pod.Spec.SecurityContext?.SeLinuxOptions is { } podOptions && !Valid(podOptions)) badSetters.Add("pod");
        var badContainers = pod.Containers.Where(c => c.SecurityContext?.SeLinuxOptions is { } o && !Valid(o)).Select(c => c.Name).ToList();
        if (badContainers.Count > 0) badSetters.Add(Containers(badContainers));
        if (badSetters.Count == 0) return CheckResult.Allow;
        var data = new List<string>();
        var types = SortedSet(badTypes);
        if (types.Count > 0) data.Add($"{Pluralize("type", "types", types.Count)} {JoinQuote(types)}");
        if (setUser) data.Add("user may not be set");
        if (setRole) data.Add("role may not be set");
        return CheckResult.Forbid("seLinuxOptions", $"{string.Join(" and ", badSetters)} set forbidden securityContext.seLinuxOptions: {string.Join("; ", data)}");
    }
}
