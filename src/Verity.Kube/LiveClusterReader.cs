using Verity.Core.Loading;
using Verity.Core.Model;
using Verity.Kube.Config;
using Verity.Kube.Kinds;
using Verity.Kube.Listing;

namespace Verity.Kube;

/// <summary>
/// Reads the objects a snapshot needs from a live Kubernetes API server — read-only, list requests only —
/// and returns them as a <see cref="LoadResult"/>, exactly as if the same API lists had been read from files.
/// </summary>
/// <remarks>
/// Problems never throw: a bad kubeconfig or unknown context is one diagnostic; a kind the user may not
/// list (403) is one diagnostic and the other kinds are still read; an unreachable server (refused, DNS,
/// TLS, timeout) or rejected credentials (401) is one diagnostic and reading stops. Only cancellation of
/// <c>ct</c> throws (<see cref="OperationCanceledException"/>). Kinds are listed one after another, in
/// <see cref="ApiKinds.All"/> order.
/// </remarks>
public static class LiveClusterReader
{
    /// <exception cref="ArgumentOutOfRangeException"><see cref="LiveClusterOptions.PageSize"/> is less than 1 (a caller bug).</exception>
    public static Task<LoadResult> ReadAsync(LiveClusterOptions options, CancellationToken ct) =>
        ReadAsync(options, KubeEnvironment.Current(), ct);

    internal static Task<LoadResult> ReadAsync(LiveClusterOptions options, KubeEnvironment env, CancellationToken ct) =>
        ReadAsync(options, env, ApiKinds.All, ct);

    internal static async Task<LoadResult> ReadAsync(LiveClusterOptions options, KubeEnvironment env, IReadOnlyList<ApiKind> kinds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1, nameof(options.PageSize));
        var ns = string.IsNullOrEmpty(options.Namespace) ? null : options.Namespace;
        var (session, problem) = ClusterConnector.Connect(options, env);
        if (session is null) return new LoadResult([], [problem!]);

        using (session)
        {
            var objects = new List<KubeObject>();
            var diagnostics = new List<Diagnostic>();
            foreach (var kind in kinds)
            {
                var outcome = await KindLister.ListAsync(session, kind, ns, options.PageSize, objects, diagnostics, ct).ConfigureAwait(false);
                if (outcome == ListOutcome.Stop) break;
            }
            return new LoadResult(objects, diagnostics);
        }
    }
}
