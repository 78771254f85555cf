namespace Verity.Cel.Kubernetes;

/// <summary>
/// Public helpers for callers of the Kubernetes CEL libraries: the declared types of the
/// <c>authorizer</c> variables and the values to bind for them in an activation.
/// </summary>
/// <example>
/// <code>
/// variables: ["authorizer"] = KubernetesCel.AuthorizerType
/// activation: ["authorizer"] = KubernetesCel.Authorizer(myRbacAuthorizer)   // or KubernetesCel.UnavailableAuthorizer("offline mode")
/// </code>
/// </example>
public static class KubernetesCel
{
    /// <summary>Type of the <c>authorizer</c> variable (kubernetes.authorization.Authorizer).</summary>
    public static CelType AuthorizerType { get; } = CelType.Object(KubernetesTypes.Authorizer);

    /// <summary>Type of the <c>authorizer.requestResource</c> variable (kubernetes.authorization.ResourceCheck).</summary>
    public static CelType ResourceCheckType { get; } = CelType.Object(KubernetesTypes.ResourceCheck);

    /// <summary>The two variables ValidatingAdmissionPolicy declares for authorization checks.</summary>
    public static IReadOnlyDictionary<string, CelType> AuthorizerVariables { get; } = new Dictionary<string, CelType>(StringComparer.Ordinal)
    {
        ["authorizer"] = AuthorizerType,
        ["authorizer.requestResource"] = ResourceCheckType,
    };

    /// <summary>The value of <c>authorizer</c> checking with <paramref name="authorizer"/>.</summary>
    public static CelValue Authorizer(ICelAuthorizer authorizer)
    {
        ArgumentNullException.ThrowIfNull(authorizer);
        return new CelValue(new AuthorizerValue(authorizer, null));
    }

    /// <summary>An <c>authorizer</c> whose checks fail with "authorizer is not available: <paramref name="reason"/>".</summary>
    public static CelValue UnavailableAuthorizer(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return new CelValue(new AuthorizerValue(null, reason));
    }

    /// <summary>
    /// The value of <c>authorizer.requestResource</c>: a resource check preset to the request's group,
    /// resource, subresource, namespace and name (upstream NewResourceAuthorizerVal).
    /// A null <paramref name="authorizer"/> makes its checks fail as "not available".
    /// </summary>
    public static CelValue RequestResource(ICelAuthorizer? authorizer, string group, string resource, string subresource, string @namespace, string name)
    {
        var az = new AuthorizerValue(authorizer, authorizer is null ? "no authorizer was provided" : null);
        return new CelValue(new ResourceCheckValue(az, group ?? "", resource ?? "", subresource ?? "", @namespace ?? "", name ?? "", "", ""));
    }
}
