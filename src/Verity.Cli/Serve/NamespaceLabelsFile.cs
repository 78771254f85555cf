using Verity.Core.Loading;
using Verity.Core.Snapshots;

namespace Verity.Cli.Serve;

/// <summary>
/// <c>--namespaces PATH</c>: the labels of the Namespace objects in manifests (e.g. <c>kubectl get ns -o yaml</c>), read once
/// at start, so each namespace's <c>pod-security.kubernetes.io/*</c> labels apply over the <c>--enforce/--warn/--audit</c>
/// defaults. Namespaces not in the files get the defaults. No watch: restart to pick up label changes.
/// </summary>
internal static class NamespaceLabelsFile
{
    public static (IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Labels, LoadResult Load) Read(IReadOnlyList<string> paths)
    {
        var load = ManifestReader.Read(paths);
        var snapshot = SnapshotBuilder.Build(load.Objects);
        var labels = snapshot.Namespaces.Where(n => !n.IsImplied).ToDictionary(n => n.Name, n => n.Labels, StringComparer.Ordinal);
        return (labels, load);
    }
}
