namespace Verity.Cel.Kubernetes;

/// <summary>
/// The opaque CEL type names the Kubernetes libraries add, spelled as in k8s.io/apiserver/pkg/cel
/// (e.g. <c>type(ip('1.2.3.4')) == net.IP</c> upstream).
/// </summary>
internal static class KubernetesTypes
{
    public const string Quantity = "kubernetes.Quantity";
    public const string Url = "kubernetes.URL";
    public const string Ip = "net.IP";
    public const string Cidr = "net.CIDR";
    public const string Semver = "kubernetes.Semver";
    public const string Format = "kubernetes.NamedFormat";
    public const string Authorizer = "kubernetes.authorization.Authorizer";
    public const string PathCheck = "kubernetes.authorization.PathCheck";
    public const string GroupCheck = "kubernetes.authorization.GroupCheck";
    public const string ResourceCheck = "kubernetes.authorization.ResourceCheck";
    public const string Decision = "kubernetes.authorization.Decision";

    public static readonly string[] All = [Quantity, Url, Ip, Cidr, Semver, Format, Authorizer, PathCheck, GroupCheck, ResourceCheck, Decision];
}
