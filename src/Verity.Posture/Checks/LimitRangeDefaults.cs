using System.Text.Json;
using Verity.Core.Snapshots;

namespace Verity.Posture.Checks;

/// <summary>
/// The container limits a namespace's LimitRanges fill in at admission: a <c>type: Container</c> item's
/// <c>default</c> sets the limit of any container that declares none
/// (https://kubernetes.io/docs/concepts/policy/limit-range/). Read from the raw object, so a LimitRange
/// Verity cannot type still counts as far as it is readable.
/// <para>
/// Scan-only context for VT-RES-001, on top of the shared <c>ResourcesRule</c>: the LimitRanger admission plugin
/// applies these defaults to each Pod in the mutating phase, so a validating webhook (VG-RES-001) sees the pod
/// with them already in place, while the scan reads manifests as written and applies them itself.
/// </para>
/// </summary>
internal static class LimitRangeDefaults
{
    /// <summary>Resource name → name of the LimitRange that defaults it, for <c>cpu</c> and <c>memory</c>.</summary>
    public static IReadOnlyDictionary<string, string> In(Snapshot snapshot, string ns)
    {
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var range in snapshot.InNamespace(ns).Where(o => o.Kind == "LimitRange" && o.Ref.Group == ""))
        {
            if (!range.Raw.TryGetProperty("spec", out var spec) || spec.ValueKind != JsonValueKind.Object
                || !spec.TryGetProperty("limits", out var limits) || limits.ValueKind != JsonValueKind.Array) continue;
            foreach (var item in limits.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Container"
                    || !item.TryGetProperty("default", out var values) || values.ValueKind != JsonValueKind.Object) continue;
                foreach (var resource in values.EnumerateObject()) defaults.TryAdd(resource.Name, range.Name);
            }
        }
        return defaults;
    }
}
