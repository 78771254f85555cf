using Verity.Core.Loading;
using Verity.Core.Model;
using Verity.Kube.Api;
using Verity.Kube.Kinds;

namespace Verity.Kube.Listing;

/// <summary>
/// Lists one kind page by page with <c>limit</c> and <c>continue</c>
/// (https://kubernetes.io/docs/reference/using-api/api-concepts/#retrieving-large-results-sets-in-chunks) and
/// feeds each page's raw JSON to <see cref="ManifestParser"/>, so live objects and their diagnostics are those
/// of a file holding the same list. The source name of every page is the list URL without its query.
/// </summary>
/// <remarks>
/// A kind's objects are kept only when every page was read: half of the NetworkPolicies would give wrong
/// answers, while a missing kind is reported. When a continue token expires (410 Gone, the server compacted
/// past the list's resourceVersion) the kind is listed again from the start, once.
/// </remarks>
internal static class KindLister
{
    public static async Task<ListOutcome> ListAsync(ApiSession session, ApiKind kind, string? ns, int pageSize,
        List<KubeObject> objects, List<Diagnostic> diagnostics, CancellationToken ct)
    {
        var path = kind.ListPath(ns);
        var source = session.Url(path);
        var loaded = new List<KubeObject>();
        var problems = new List<Diagnostic>();
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var restarted = false;
        string? token = null;
        while (true)
        {
            var response = await session.GetAsync(path, Query(kind, ns, pageSize, token), ct).ConfigureAwait(false);
            if (response.Failure is { } failure)
            {
                diagnostics.Add(new Diagnostic(DiagnosticLevel.Error, DiagnosticCodes.ApiError, failure));
                return ListOutcome.Stop;
            }
            if (response.Status is >= 200 and < 300)
            {
                var page = ManifestParser.Parse(response.Body, source);
                loaded.AddRange(page.Objects);
                problems.AddRange(page.Diagnostics);
                token = ListMetadata.Continue(response.Body);
                if (token is null)
                {
                    objects.AddRange(loaded);
                    diagnostics.AddRange(problems);
                    return ListOutcome.Listed;
                }
                if (tokens.Add(token)) continue;
                diagnostics.Add(new Diagnostic(DiagnosticLevel.Error, DiagnosticCodes.ApiError,
                    $"cannot list {kind.Plural} {kind.Scope(ns)}: the server returned the same continue token twice", new SourceLocation(source)));
                return ListOutcome.Failed;
            }
            if (response.Status == 410 && token is not null && !restarted)
            {
                (restarted, token) = (true, null);
                loaded.Clear();
                problems.Clear();
                tokens.Clear();
                continue;
            }
            var (outcome, diagnostic) = ListFailures.Describe(session, kind, ns, response);
            if (diagnostic is not null) diagnostics.Add(diagnostic);
            return outcome;
        }
    }

    private static string Query(ApiKind kind, string? ns, int pageSize, string? token)
    {
        var query = $"?limit={pageSize}";
        if (kind.FieldSelector(ns) is { } selector) query += $"&fieldSelector={Uri.EscapeDataString(selector)}";
        if (token is not null) query += $"&continue={Uri.EscapeDataString(token)}";
        return query;
    }
}
