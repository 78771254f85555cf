using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Kube;

namespace Verity.Cli.Input;

/// <summary>
/// Loads what a command reads: the <c>-f</c> paths, or else the live cluster of the kubeconfig (explicit, or
/// kubectl's default lookup), and builds the snapshot. Both give the same <see cref="LoadedInput"/>; nothing
/// downstream knows which.
/// </summary>
internal static class InputLoader
{
    public static async Task<LoadedInput> LoadAsync(InputSettings settings, CliEnvironment env, CancellationToken cancellationToken)
    {
        var loaded = settings.ReadsLiveCluster
            ? await env.ReadCluster(new LiveClusterOptions
            {
                Kubeconfig = settings.Kubeconfig,
                Context = settings.Context,
                Namespace = settings.Namespace,
            }, cancellationToken)
            : ManifestReader.Read(settings.Files, env.OpenStdin);
        var snapshot = SnapshotBuilder.Build(loaded.Objects, new SnapshotOptions { DefaultNamespace = settings.Namespace ?? "default" });
        return new LoadedInput(snapshot, [.. loaded.Diagnostics, .. snapshot.Diagnostics], settings)
        {
            Empty = !settings.ReadsLiveCluster && loaded.Objects.Count == 0,
            NoInputGiven = settings is { ReadsLiveCluster: true, Kubeconfig: null, Context: null } && loaded.Objects.Count == 0 && loaded.HasErrors,
        };
    }
}
