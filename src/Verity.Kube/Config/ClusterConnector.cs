using k8s;
using k8s.KubeConfigModels;
using Verity.Core.Model;
using Verity.Kube.Api;

namespace Verity.Kube.Config;

/// <summary>
/// Turns <see cref="LiveClusterOptions"/> into an open <see cref="ApiSession"/>, or into one diagnostic that
/// says what is wrong with the configuration: a missing or malformed kubeconfig, an unknown context, a
/// context whose cluster or user cannot be used, or no configuration at all. Nothing is sent to the server here.
/// </summary>
internal static class ClusterConnector
{
    private const string InClusterIdentity = "the in-cluster service account";

    public static (ApiSession? Session, Diagnostic? Problem) Connect(LiveClusterOptions options, KubeEnvironment env)
    {
        var (files, problem) = KubeconfigFiles.Find(options, env);
        if (problem is not null) return (null, problem);
        if (files.Count == 0) return InCluster(options, env);

        var where = string.Join(", ", files);
        K8SConfiguration kubeconfig;
        try
        {
            kubeconfig = KubeconfigMerger.Load(files);
        }
        catch (Exception e) when (IsConfigurationError(e))
        {
            return (null, Error(DiagnosticCodes.Unreadable, $"cannot read kubeconfig {where}: {e.Message}"));
        }

        var contexts = (kubeconfig.Contexts ?? []).Select(c => c.Name).Where(n => !string.IsNullOrEmpty(n)).ToList();
        var known = contexts.Count == 0 ? "none" : string.Join(", ", contexts.Order(StringComparer.Ordinal));
        var context = options.Context ?? kubeconfig.CurrentContext;
        if (string.IsNullOrEmpty(context))
            return (null, Error(DiagnosticCodes.ApiError, $"kubeconfig {where} has no current-context: pass --context (contexts: {known})"));
        if (!contexts.Contains(context, StringComparer.Ordinal))
            return (null, Error(DiagnosticCodes.ApiError, $"context \"{context}\" not found in kubeconfig {where} (contexts: {known})"));

        return Open(() => KubernetesClientConfiguration.BuildConfigFromConfigObject(kubeconfig, context),
            $"context \"{context}\"", $"cannot use context \"{context}\" of kubeconfig {where}");
    }

    private static (ApiSession?, Diagnostic?) InCluster(LiveClusterOptions options, KubeEnvironment env)
    {
        var searched = KubeconfigFiles.Searched(env);
        if (options.Context is not null)
            return (null, Error(DiagnosticCodes.ApiError, $"no kubeconfig found ({searched}) to take context \"{options.Context}\" from"));
        if (!env.InCluster)
            return (null, Error(DiagnosticCodes.ApiError,
                $"no kubeconfig found ({searched}) and not running inside a cluster: pass --kubeconfig or set KUBECONFIG"));
        return Open(KubernetesClientConfiguration.InClusterConfig, InClusterIdentity, $"cannot use {InClusterIdentity}");
    }

    private static (ApiSession?, Diagnostic?) Open(Func<KubernetesClientConfiguration> build, string identity, string failure)
    {
        try
        {
            var config = build();
            return (new ApiSession(new Kubernetes(config), config.Host, identity, config.HttpClientTimeout), null);
        }
        catch (Exception e) when (IsConfigurationError(e))
        {
            return (null, Error(DiagnosticCodes.ApiError, $"{failure}: {e.Message}"));
        }
    }

    /// <summary>
    /// KubernetesClient reports a bad kubeconfig with many exception types — KubeConfigException, YamlException,
    /// CryptographicException for unreadable certificates, IOException for missing files, even
    /// NullReferenceException for missing sections — so every exception from its configuration calls is an
    /// input problem. The try blocks above hold only those calls. Cancellation is not an input problem.
    /// </summary>
    private static bool IsConfigurationError(Exception e) => e is not OperationCanceledException;

    private static Diagnostic Error(string code, string message) => new(DiagnosticLevel.Error, code, message);
}
