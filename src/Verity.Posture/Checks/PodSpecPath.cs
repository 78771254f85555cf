using Verity.Core.Snapshots;

namespace Verity.Posture.Checks;

/// <summary>Where a workload's pod spec sits in its object, for pointing findings at the offending field.</summary>
internal static class PodSpecPath
{
    /// <summary><c>spec</c> for a Pod, <c>spec.jobTemplate.spec.template.spec</c> for a CronJob, else <c>spec.template.spec</c>.</summary>
    public static IReadOnlyList<object> Of(Workload workload) => workload.Kind switch
    {
        "Pod" => ["spec"],
        "CronJob" => ["spec", "jobTemplate", "spec", "template", "spec"],
        _ => ["spec", "template", "spec"],
    };

    /// <summary>The pod spec path followed by <paramref name="more"/> segments.</summary>
    public static IReadOnlyList<object> Of(Workload workload, params object[] more) => [.. Of(workload), .. more];
}
