namespace Verity.Rbac.Model;

/// <summary>A binding's <c>roleRef</c>: a ClusterRole, or a Role in the binding's own namespace.</summary>
public sealed record RoleReference(string Kind, string Name)
{
    public override string ToString() => $"{Kind}/{Name}";
}
