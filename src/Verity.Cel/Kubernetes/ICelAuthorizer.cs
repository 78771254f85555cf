namespace Verity.Cel.Kubernetes;

/// <summary>
/// Answers the authorization checks of the Kubernetes CEL authz library
/// (<c>authorizer.group('apps').resource('deployments').namespace('ns').check('create').allowed()</c>)
/// for one principal. Implementations must be thread-safe; an exception is reported as an errored
/// decision (never as a denial).
/// </summary>
public interface ICelAuthorizer
{
    /// <summary>A resource request (ResourceRequest=true, APIVersion "*"). Empty/null namespace is the cluster scope; null or "" subresource/name are unset.</summary>
    CelAuthorizerDecision Check(string? group, string resource, string? subresource, string? @namespace, string? name, string verb);

    /// <summary>A non-resource request for <paramref name="path"/> with an HTTP verb (e.g. "get").</summary>
    CelAuthorizerDecision CheckPath(string path, string verb);

    /// <summary>
    /// The same authorizer acting for the service account <c>system:serviceaccount:&lt;namespace&gt;:&lt;name&gt;</c>
    /// (CEL <c>authorizer.serviceAccount(ns, name)</c>); null when this authorizer cannot switch principal.
    /// </summary>
    ICelAuthorizer? ForServiceAccount(string @namespace, string name) => null;
}
