using Verity.Cel.Library;
using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>
/// Kubernetes authz library (k8s.io/apiserver/pkg/cel/library/authz.go, "kubernetes.authz" and
/// "kubernetes.authzSelectors"): path, group, serviceAccount, resource, subresource, namespace, name,
/// fieldSelector, labelSelector, check, allowed, reason, errored, error. The <c>authorizer</c> (and
/// <c>authorizer.requestResource</c>) values are bound by the caller (<see cref="KubernetesCel"/>).
/// </summary>
/// <remarks>
/// fieldSelector/labelSelector are accepted and kept on the check but not passed to
/// <see cref="ICelAuthorizer"/>: that matches an authorizer that ignores selectors, as RBAC does.
/// When the bound authorizer is unavailable, <c>check()</c> fails with "authorizer is not available: reason".
/// </remarks>
internal static class AuthzLibrary
{
    private const string A = KubernetesTypes.Authorizer;
    private const string P = KubernetesTypes.PathCheck;
    private const string G = KubernetesTypes.GroupCheck;
    private const string R = KubernetesTypes.ResourceCheck;
    private const string D = KubernetesTypes.Decision;

    public static void Register(FunctionRegistry r)
    {
        r.Add("authorizer_path", $"{A}:path(string) -> {P}", a =>
            a[0] is AuthorizerValue az && a[1] is string p
                ? string.IsNullOrWhiteSpace(p) ? new CelError("path must not be empty") : new PathCheckValue(az, p)
                : CelError.NoSuchOverload("path"));
        r.Add("authorizer_group", $"{A}:group(string) -> {G}", a =>
            a[0] is AuthorizerValue az && a[1] is string g ? new GroupCheckValue(az, g) : CelError.NoSuchOverload("group"));
        r.Add("authorizer_serviceaccount", $"{A}:serviceAccount(string, string) -> {A}", a =>
            a[0] is AuthorizerValue az && a[1] is string ns && a[2] is string name ? ServiceAccount(az, ns, name) : CelError.NoSuchOverload("serviceAccount"));
        r.Add("groupcheck_resource", $"{G}:resource(string) -> {R}", a =>
            a[0] is GroupCheckValue g && a[1] is string res
                ? string.IsNullOrWhiteSpace(res) ? new CelError("resource must not be empty") : new ResourceCheckValue(g.Authorizer, g.Group, res, "", "", "", "", "")
                : CelError.NoSuchOverload("resource"));
        r.Add("resourcecheck_subresource", $"{R}:subresource(string) -> {R}", a => With(a, "subresource", (c, v) => c with { Subresource = v }));
        r.Add("resourcecheck_namespace", $"{R}:namespace(string) -> {R}", a => With(a, "namespace", (c, v) => c with { Namespace = v }));
        r.Add("resourcecheck_name", $"{R}:name(string) -> {R}", a => With(a, "name", (c, v) => c with { Name = v }));
        r.Add("authorizer_fieldselector", $"{R}:fieldSelector(string) -> {R}", a => With(a, "fieldSelector", (c, v) => c with { FieldSelector = v }));
        r.Add("authorizer_labelselector", $"{R}:labelSelector(string) -> {R}", a => With(a, "labelSelector", (c, v) => c with { LabelSelector = v }));
        r.Add("pathcheck_check", $"{P}:check(string) -> {D}", a =>
            a[0] is PathCheckValue p && a[1] is string verb
                ? Run(p.Authorizer, az => az.CheckPath(p.Path, verb))
                : CelError.NoSuchOverload("check"));
        r.Add("resourcecheck_check", $"{R}:check(string) -> {D}", a =>
            a[0] is ResourceCheckValue c && a[1] is string verb
                ? Run(c.Authorizer, az => az.Check(c.Group, c.Resource, NullIfEmpty(c.Subresource), c.Namespace, NullIfEmpty(c.Name), verb))
                : CelError.NoSuchOverload("check"));
        r.Add("decision_errored", $"{D}:errored() -> bool", a => a[0] is DecisionValue d ? d.Decision.Error is not null : CelError.NoSuchOverload("errored"));
        r.Add("decision_error", $"{D}:error() -> string", a => a[0] is DecisionValue d ? d.Decision.Error ?? "" : CelError.NoSuchOverload("error"));
        r.Add("decision_allowed", $"{D}:allowed() -> bool", a => a[0] is DecisionValue d ? d.Decision.Allowed : CelError.NoSuchOverload("allowed"));
        r.Add("decision_reason", $"{D}:reason() -> string", a => a[0] is DecisionValue d ? d.Decision.Reason : CelError.NoSuchOverload("reason"));
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    private static object With(object[] a, string fn, Func<ResourceCheckValue, string, ResourceCheckValue> f) =>
        a[0] is ResourceCheckValue c && a[1] is string v ? f(c, v) : CelError.NoSuchOverload(fn);

    // authz.go authorizerServiceAccount: name must be a DNS subdomain, namespace a DNS label.
    private static object ServiceAccount(AuthorizerValue az, string ns, string name)
    {
        if (NameValidation.IsDns1123Subdomain(name).Count > 0)
        {
            return new CelError("Invalid service account name");
        }

        if (NameValidation.IsDns1123Label(ns).Count > 0)
        {
            return new CelError("Invalid service account namespace");
        }

        if (az.Inner is null)
        {
            return az;
        }

        var sa = az.Inner.ForServiceAccount(ns, name);
        return sa is null
            ? new AuthorizerValue(null, $"the authorizer cannot check service account system:serviceaccount:{ns}:{name}")
            : new AuthorizerValue(sa, null);
    }

    private static object Run(AuthorizerValue az, Func<ICelAuthorizer, CelAuthorizerDecision> check)
    {
        if (az.Inner is null)
        {
            return new CelError("authorizer is not available: " + (az.UnavailableReason ?? "no authorizer was provided"));
        }

        try
        {
            return new DecisionValue(check(az.Inner));
        }
#pragma warning disable CA1031 // An authorizer failure is an errored decision, as upstream reports Authorize errors.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new DecisionValue(new CelAuthorizerDecision(false, "", ex.Message));
        }
    }
}
