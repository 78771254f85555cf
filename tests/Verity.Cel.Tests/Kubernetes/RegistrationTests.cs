using Verity.Cel.Kubernetes;
using Verity.Cel.Library;

namespace Verity.Cel.Tests.Kubernetes;

/// <summary>The Kubernetes libraries add overloads without replacing or duplicating the core's.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void No_overload_id_or_signature_collides_with_the_core_libraries()
    {
        // The core libraries only: the default extensions (CelExtensions.Kubernetes) now include the Kubernetes libraries themselves.
        var core = CelEnvironment.Create(new CelEnvironmentOptions { Extensions = CelExtensions.All }).Core.Functions.ById.Values.ToList();
        var k8s = new FunctionRegistry();
        KubernetesLibrary.Register(k8s);
        static string Sig(Overload o) => $"{o.Function}/{o.IsMember}/{string.Join(",", o.Params.Select(p => p.ToString()))}";

        Assert.Empty(k8s.ById.Keys.Intersect(core.Select(o => o.Id)));
        Assert.Empty(k8s.ById.Values.Select(Sig).Intersect(core.Select(Sig)));
    }

    [Fact]
    public void Every_upstream_function_name_is_registered()
    {
        // library_compatibility_test.go knownFunctions (except mul's siblings div/divInt, not ported).
        string[] known =
        [
            "isSorted", "sum", "max", "min", "indexOf", "lastIndexOf", "find", "findAll", "url", "getScheme", "getHost", "getHostname",
            "getPort", "getEscapedPath", "getQuery", "isURL", "path", "group", "serviceAccount", "resource", "subresource", "namespace",
            "name", "check", "allowed", "reason", "errored", "error", "add", "asApproximateFloat", "asInteger", "compareTo",
            "isGreaterThan", "isInteger", "isLessThan", "isQuantity", "quantity", "sign", "sub", "ip", "family", "isUnspecified",
            "isLoopback", "isLinkLocalMulticast", "isLinkLocalUnicast", "isGlobalUnicast", "ip.isCanonical", "isIP", "cidr",
            "containsIP", "containsCIDR", "masked", "prefixLength", "isCIDR", "string", "fieldSelector", "labelSelector", "validate",
            "format.named", "isSemver", "major", "minor", "patch", "semver", "jsonpatch.escapeKey", "mul",
        ];
        var k8s = new FunctionRegistry();
        KubernetesLibrary.Register(k8s);
        var missing = known.Where(f => !k8s.HasFunction(f)).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
    }
}
