using Verity.Cel.Library;

namespace Verity.Cel.Kubernetes;

/// <summary>
/// Registers the CEL libraries of the Kubernetes API server (k8s.io/apiserver/pkg/cel/library):
/// regex, lists, urls, quantity, ip, cidr, semver, format, authz and jsonpatch, their opaque type names
/// (so <c>type(ip('1.2.3.4')) == net.IP</c> works) and their costs. Wire it through
/// <c>CelEnvironment.CreateInternal(options, types, KubernetesLibrary.Register)</c>.
/// The authorizer is not part of the environment: it is a per-request value bound in the activation
/// (see <see cref="KubernetesCel"/>).
/// </summary>
internal static class KubernetesLibrary
{
    public static void Register(FunctionRegistry registry)
    {
        RegexLibrary.Register(registry);
        ListsLibrary.Register(registry);
        UrlLibrary.Register(registry);
        QuantityLibrary.Register(registry);
        IpLibrary.Register(registry);
        CidrLibrary.Register(registry);
        SemverLibrary.Register(registry);
        FormatLibrary.Register(registry);
        AuthzLibrary.Register(registry);
        JsonPatchLibrary.Register(registry);
        foreach (var type in KubernetesTypes.All)
        {
            registry.AddOpaqueType(type);
        }

        registry.MarkSizeDependent([.. KubernetesCost.SizeDependent]);
        registry.SetFixedCost("check", KubernetesCost.AuthzCheckCost);
    }
}
