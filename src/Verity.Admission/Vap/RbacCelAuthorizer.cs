using Verity.Cel.Kubernetes;
using Verity.Rbac.Authorization;
using Verity.Rbac.Model;

namespace Verity.Admission.Vap;

/// <summary>
/// The CEL <c>authorizer</c> of admission policies answered by Verity's RBAC engine (docs/rbac.md): the requesting user
/// (or a service account, for <c>authorizer.serviceAccount(ns, name)</c>) checked against the RBAC objects of the
/// inputs, exactly as the API server's RBAC authorizer decides. Only RBAC: other authorizers of a real cluster (Node,
/// webhooks) are not modelled, and RBAC never denies explicitly — "not allowed" means no rule grants it.
/// </summary>
public sealed class RbacCelAuthorizer(Authorizer authorizer, UserInfo user) : ICelAuthorizer
{
    public RbacCelAuthorizer(RbacModel model, VapUserInfo user)
        : this(new Authorizer(model), UserInfo.Impersonate(user.Username, user.Groups))
    {
    }

    public CelAuthorizerDecision Check(string? group, string resource, string? subresource, string? @namespace, string? name, string verb) =>
        From(authorizer.Authorize(RequestAttributes.ForResource(user, verb, group ?? "", resource, subresource ?? "", name, @namespace)));

    public CelAuthorizerDecision CheckPath(string path, string verb) =>
        From(authorizer.Authorize(RequestAttributes.ForNonResource(user, verb, path)));

    public ICelAuthorizer? ForServiceAccount(string @namespace, string name) =>
        new RbacCelAuthorizer(authorizer, UserInfo.ServiceAccount(@namespace, name));

    private static CelAuthorizerDecision From(AuthorizationDecision decision) => new(decision.Allowed, decision.Reason);
}
