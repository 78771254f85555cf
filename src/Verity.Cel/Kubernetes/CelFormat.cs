using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>A CEL <c>kubernetes.NamedFormat</c>: a named string validator; equal when the names are equal (upstream Format.Equal).</summary>
internal sealed class CelFormat : ICelOpaqueValue, IEquatable<CelFormat>
{
    public CelFormat(string name, Func<string, IReadOnlyList<string>> validate)
    {
        Name = name;
        Validate = validate;
    }

    public string Name { get; }

    public Func<string, IReadOnlyList<string>> Validate { get; }

    public string TypeName => KubernetesTypes.Format;

    public bool Equals(CelFormat? other) => other is not null && other.Name == Name;

    public override bool Equals(object? obj) => obj is CelFormat f && Equals(f);

    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Name;
}
