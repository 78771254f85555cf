using Verity.Core.Model;

namespace Verity.Kube.Config;

/// <summary>
/// Decides which kubeconfig files to read, with kubectl's precedence
/// (https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/): an explicit
/// <c>--kubeconfig</c> (which must exist), else every existing file listed in <c>KUBECONFIG</c> (missing
/// entries are ignored, as kubectl does), else <c>~/.kube/config</c> if it exists. An empty list means
/// "no kubeconfig": the caller may then fall back to the in-cluster service account.
/// </summary>
internal static class KubeconfigFiles
{
    public static (IReadOnlyList<string> Files, Diagnostic? Problem) Find(LiveClusterOptions options, KubeEnvironment env)
    {
        if (options.Kubeconfig is { } path)
        {
            return File.Exists(path)
                ? ([path], null)
                : ([], new Diagnostic(DiagnosticLevel.Error, DiagnosticCodes.Unreadable, $"kubeconfig file not found: {path}"));
        }
        if (!string.IsNullOrEmpty(env.KubeconfigVariable))
        {
            return (env.KubeconfigVariable.Split(Path.PathSeparator)
                .Select(p => p.Trim().Trim('"'))
                .Where(p => p.Length > 0 && File.Exists(p))
                .Distinct(StringComparer.Ordinal)
                .ToList(), null);
        }
        var home = env.HomeDirectory is { Length: > 0 } h ? Path.Combine(h, ".kube", "config") : null;
        return (home is not null && File.Exists(home) ? [home] : [], null);
    }

    /// <summary>Where <see cref="Find"/> looked, for the "nothing found" message.</summary>
    public static string Searched(KubeEnvironment env) =>
        !string.IsNullOrEmpty(env.KubeconfigVariable) ? $"KUBECONFIG={env.KubeconfigVariable}" : "~/.kube/config";
}
