using k8s;

namespace Verity.Kube.Config;

/// <summary>
/// What the process environment says about where cluster credentials are: the <c>KUBECONFIG</c> variable,
/// the home directory (for <c>~/.kube/config</c>) and whether this process runs in a pod with a mounted
/// service account. A value, so tests can describe an environment without touching the real one.
/// </summary>
internal sealed record KubeEnvironment(string? KubeconfigVariable, string? HomeDirectory, bool InCluster)
{
    public static KubeEnvironment Current() => new(
        Environment.GetEnvironmentVariable("KUBECONFIG"),
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        KubernetesClientConfiguration.IsInCluster());
}
