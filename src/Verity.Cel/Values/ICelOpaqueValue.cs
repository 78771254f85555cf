namespace Verity.Cel.Values;

/// <summary>
/// A value of a library-defined opaque type (e.g. a Kubernetes quantity, IP, CIDR, URL or
/// semver). Dispatch matches it against <c>CelType.Object(TypeName)</c> parameters; equality uses
/// <see cref="object.Equals(object)"/>; ordering (if any) uses <see cref="IComparable"/>.
/// </summary>
internal interface ICelOpaqueValue
{
    /// <summary>The CEL type name, e.g. "kubernetes.Quantity" or "net.IP".</summary>
    string TypeName { get; }
}
