using k8s;
using k8s.KubeConfigModels;

namespace Verity.Kube.Config;

/// <summary>
/// Loads one or more kubeconfig files into one configuration, kubectl's way: the first file that defines a
/// cluster, user or context by name wins, and the first <c>current-context</c> set wins.
/// </summary>
/// <remarks>
/// Relative certificate paths resolve against the first file's directory (KubernetesClient keeps one
/// file name per configuration); kubectl resolves them against the file that defines them.
/// </remarks>
internal static class KubeconfigMerger
{
    public static K8SConfiguration Load(IReadOnlyList<string> files)
    {
        var merged = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(files[0]), useRelativePaths: true);
        foreach (var file in files.Skip(1))
        {
            var next = KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(file), useRelativePaths: true);
            merged.CurrentContext = string.IsNullOrEmpty(merged.CurrentContext) ? next.CurrentContext : merged.CurrentContext;
            merged.Clusters = FirstWins(merged.Clusters, next.Clusters, c => c.Name);
            merged.Users = FirstWins(merged.Users, next.Users, u => u.Name);
            merged.Contexts = FirstWins(merged.Contexts, next.Contexts, c => c.Name);
        }
        return merged;
    }

    private static List<T> FirstWins<T>(IEnumerable<T>? first, IEnumerable<T>? second, Func<T, string?> name) =>
        (first ?? []).Concat(second ?? []).DistinctBy(x => name(x) ?? "").ToList();
}
