using Verity.Core.Model;

namespace Verity.Admission.Vap;

/// <summary>Builds the <see cref="VapRequest"/> for admitting a manifest offline (no API discovery: the resource is guessed from the kind).</summary>
public static class VapRequests
{
    /// <summary>
    /// The request to <paramref name="operation"/> (<c>CREATE</c>, <c>UPDATE</c>, <c>DELETE</c>) <paramref name="obj"/>;
    /// <paramref name="old"/> is the object before an UPDATE (and the object itself on DELETE, whose request has no object).
    /// </summary>
    public static VapRequest For(KubeObject obj, string operation, KubeObject? old = null, VapUserInfo? user = null)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var apiVersion = obj.Ref.ApiVersion;
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var isNamespace = obj.Kind == "Namespace" && slash < 0;
        return new VapRequest
        {
            Operation = operation,
            Group = slash < 0 ? "" : apiVersion[..slash],
            Version = slash < 0 ? apiVersion : apiVersion[(slash + 1)..],
            Kind = obj.Kind,
            Resource = KindResources.ResourceOf(obj.Kind),
            Name = obj.Name,
            Namespace = isNamespace ? "" : obj.Namespace ?? "",
            Object = operation == "DELETE" ? null : obj.Raw,
            OldObject = operation == "DELETE" ? obj.Raw : old?.Raw,
            UserInfo = user ?? VapUserInfo.Anonymous,
        };
    }
}
