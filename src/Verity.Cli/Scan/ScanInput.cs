using Verity.Core.Loading;
using Verity.Kube;

namespace Verity.Cli.Scan;

/// <summary>
/// Loads what a scan reads: the <c>-f</c> paths, or else the live cluster of the kubeconfig (explicit, or
/// kubectl's default lookup). Both give the same <see cref="LoadResult"/>; nothing downstream knows which.
/// </summary>
internal static class ScanInput
{
    public static async Task<LoadResult> LoadAsync(ScanSettings settings, CliEnvironment env, CancellationToken cancellationToken)
    {
        if (!settings.ReadsLiveCluster) return ManifestReader.Read(settings.Files, env.OpenStdin);
        return await env.ReadCluster(new LiveClusterOptions
        {
            Kubeconfig = settings.Kubeconfig,
            Context = settings.Context,
            Namespace = settings.Namespace,
        }, cancellationToken);
    }
}
