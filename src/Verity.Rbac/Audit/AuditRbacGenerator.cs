using Verity.Core.Model;

namespace Verity.Rbac.Audit;

/// <summary>
/// Derives least-privilege RBAC from audited requests (what audit2rbac does, with exact resource names and
/// without verb expansion). Pure: it only enumerates the entries it is given.
/// <list type="bullet">
/// <item>Requests are identified by <c>auditID</c>: of the events of one request, the one at the latest stage
/// is used (ResponseComplete or Panic; ResponseStarted when the log has nothing later, as for exec).</item>
/// <item>The user is <c>impersonatedUser</c> when present, else <c>user</c>: the identity the authorizer
/// checked (WithImpersonation runs before WithAuthorization, k8s.io/apiserver/pkg/server/config.go).</item>
/// <item>403 responses are <see cref="AuditRbacResult.Denied"/> and grant nothing. 401 and 429 are skipped:
/// authentication and API Priority and Fairness answer them before authorization, so they prove nothing.
/// Every other code means the authorizer allowed the request (a 404 or 409 still needed the permission).</item>
/// <item>A request in a namespace goes to a Role in that namespace; cluster-wide requests (no namespace, the
/// <c>namespaces</c> object itself, non-resource URLs) go to a ClusterRole. Each role has a binding of the same name
/// (see <see cref="AuditRoleNames"/>) to a ServiceAccount or User subject.</item>
/// </list>
/// Groups are not bound: a request's groups may have authorized it, but binding the user is the narrower grant.
/// </summary>
public static class AuditRbacGenerator
{
    public static AuditRbacResult Generate(IEnumerable<AuditLogEntry> entries, AuditRbacOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        options ??= new AuditRbacOptions();
        var diagnostics = new List<Diagnostic>();
        var latest = new Dictionary<string, AuditEvent>(StringComparer.Ordinal);
        var order = new List<string>();
        var filteredOut = 0;
        foreach (var entry in entries)
        {
            if (entry.Diagnostic is { } diagnostic) diagnostics.Add(diagnostic);
            if (entry.Event is not { } auditEvent) continue;
            if (!latest.TryGetValue(auditEvent.AuditId, out var seen))
            {
                latest[auditEvent.AuditId] = auditEvent;
                order.Add(auditEvent.AuditId);
            }
            else if (Rank(auditEvent.Stage) > Rank(seen.Stage)) latest[auditEvent.AuditId] = auditEvent;
        }

        var denied = new List<AuditRequest>();
        var authorized = new SortedDictionary<string, SortedDictionary<string, List<AuditRequest>>>(StringComparer.Ordinal);
        var authorizedCount = 0;
        foreach (var id in order)
        {
            var auditEvent = latest[id];
            // Filtered after choosing the stage: a RequestReceived event has no impersonatedUser yet
            // (WithAudit runs before WithImpersonation), so only the later stage names the effective user.
            if (options.User is { } user && auditEvent.EffectiveUsername != user)
            {
                filteredOut++;
                continue;
            }
            if (Skip(auditEvent) is { } reason)
            {
                diagnostics.Add(new Diagnostic(DiagnosticLevel.Warning, AuditDiagnosticCodes.SkippedRequest, $"request {id} skipped: {reason}", auditEvent.Source));
                continue;
            }
            var request = ToRequest(auditEvent);
            if (request.ResponseCode == 403)
            {
                denied.Add(request);
                continue;
            }
            authorizedCount++;
            if (!authorized.TryGetValue(request.Username, out var scopes))
                authorized[request.Username] = scopes = new SortedDictionary<string, List<AuditRequest>>(StringComparer.Ordinal);
            if (!scopes.TryGetValue(request.Namespace, out var list)) scopes[request.Namespace] = list = [];
            list.Add(request);
        }

        var roles = new List<AuditRole>();
        var bindings = new List<AuditRoleBinding>();
        foreach (var (username, scopes) in authorized)
        {
            var subject = AuditRoleNames.SubjectOf(username);
            var name = AuditRoleNames.For(subject);
            // The empty namespace (cluster scope) sorts first, so the ClusterRole precedes the Roles.
            foreach (var (ns, requests) in scopes)
            {
                var kind = ns.Length == 0 ? AuditRoleKind.ClusterRole : AuditRoleKind.Role;
                var roleNamespace = ns.Length == 0 ? null : ns;
                roles.Add(new AuditRole
                {
                    Kind = kind, Name = name, Namespace = roleNamespace, Subject = subject,
                    Rules = AuditRuleMinimizer.Minimize(requests), RequestCount = requests.Count,
                });
                bindings.Add(new AuditRoleBinding { Name = name, Namespace = roleNamespace, RoleKind = kind, RoleName = name, Subject = subject });
            }
        }

        return new AuditRbacResult
        {
            Roles = roles,
            Bindings = bindings,
            Denied = denied,
            Diagnostics = [.. diagnostics.OrderBy(d => d.Location?.Line ?? 0).ThenBy(d => d.Location?.ListIndex ?? -1)],
            AuthorizedCount = authorizedCount,
            FilteredOutCount = filteredOut,
        };
    }

    /// <summary>ResponseComplete and Panic are final; among events of one request the first at the highest rank wins.</summary>
    private static int Rank(AuditStage stage) => stage switch
    {
        AuditStage.RequestReceived => 0,
        AuditStage.ResponseStarted => 1,
        _ => 2,
    };

    private static string? Skip(AuditEvent auditEvent)
    {
        if (auditEvent.EffectiveUsername.Length == 0) return "the event has no user name";
        return auditEvent.ResponseCode switch
        {
            null => $"no responseStatus at its latest stage ({auditEvent.Stage}), so the outcome is unknown",
            401 => "401 Unauthorized is answered before authorization",
            429 => "429 Too Many Requests is answered before authorization",
            _ => null,
        };
    }

    /// <summary>The request the authorizer saw. Requests on a namespace object (<c>namespaces</c> in the core group,
    /// whose objectRef.namespace is the namespace's own name) are cluster-scoped.</summary>
    private static AuditRequest ToRequest(AuditEvent auditEvent)
    {
        var objectRef = auditEvent.ObjectRef;
        if (objectRef is null)
        {
            var uri = auditEvent.RequestUri;
            var query = uri.IndexOf('?', StringComparison.Ordinal);
            return new AuditRequest
            {
                AuditId = auditEvent.AuditId, Username = auditEvent.EffectiveUsername, Verb = auditEvent.Verb,
                NonResourceUrl = query < 0 ? uri : uri[..query],
                ResponseCode = auditEvent.ResponseCode!.Value, Source = auditEvent.Source,
            };
        }
        var isNamespaceObject = objectRef.Resource == "namespaces" && objectRef.ApiGroup.Length == 0;
        // A create's objectRef.name is filled in from the request body after authorization (LogRequestObject,
        // k8s.io/apiserver/pkg/audit/request.go); the authorizer saw no name (RequestInfo takes it from the path),
        // and a rule with resourceNames would not allow the create. Creates of subresources (pods/exec,
        // pods/eviction, serviceaccounts/token) do name their object in the path, so they keep it.
        var authorizedName = auditEvent.Verb == "create" && objectRef.Subresource.Length == 0 ? "" : objectRef.Name;
        return new AuditRequest
        {
            AuditId = auditEvent.AuditId, Username = auditEvent.EffectiveUsername, Verb = auditEvent.Verb,
            ApiGroup = objectRef.ApiGroup,
            Resource = objectRef.Subresource.Length == 0 ? objectRef.Resource : $"{objectRef.Resource}/{objectRef.Subresource}",
            Namespace = isNamespaceObject ? "" : objectRef.Namespace,
            Name = authorizedName,
            ResponseCode = auditEvent.ResponseCode!.Value, Source = auditEvent.Source,
        };
    }
}
