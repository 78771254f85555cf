using Verity.Core.Model;
using Verity.Kube.Api;
using Verity.Kube.Kinds;

namespace Verity.Kube.Listing;

/// <summary>
/// Maps a failed list request to its outcome and diagnostic (code VT1009). The server's own message is
/// always quoted, since it names the user and the missing permission.
/// </summary>
internal static class ListFailures
{
    public static (ListOutcome Outcome, Diagnostic? Diagnostic) Describe(ApiSession session, ApiKind kind, string? ns, ApiResponse response)
    {
        var at = new SourceLocation(session.Url(kind.ListPath(ns)));
        var message = ApiStatus.Message(response);
        var cannot = $"cannot list {kind.Plural} {kind.Scope(ns)}";
        return response.Status switch
        {
            401 => (ListOutcome.Stop, Error(
                $"unauthorized: the Kubernetes API server at {session.Server} rejected the credentials of {session.Identity}: {message}", null)),
            // With RBAC, a user without rights on a group gets 403 even when its CRDs are not installed:
            // for optional kinds that is a warning, not an error.
            403 when kind.Optional => (ListOutcome.Failed, new Diagnostic(DiagnosticLevel.Warning, DiagnosticCodes.ApiError,
                $"forbidden: {cannot} (an optional CRD that may not be installed): {message}", at)),
            403 => (ListOutcome.Failed, Error($"forbidden: {cannot}: {message}", at)),
            404 when kind.Optional => (ListOutcome.NotInstalled, null),
            404 => (ListOutcome.Failed, Error(
                $"not found: the Kubernetes API server at {session.Server} does not serve {kind.Plural} ({kind.GroupVersion}): {message}", at)),
            410 => (ListOutcome.Failed, Error(
                $"{cannot}: the continue token expired twice while paging (the list changes faster than it is read; a larger page size helps): {message}", at)),
            _ => (ListOutcome.Failed, Error($"{cannot}: HTTP {response.Status} {response.Reason}: {message}", at)),
        };
    }

    private static Diagnostic Error(string message, SourceLocation? at) => new(DiagnosticLevel.Error, DiagnosticCodes.ApiError, message, at);
}
