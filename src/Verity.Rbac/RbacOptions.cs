namespace Verity.Rbac;

/// <summary>How <see cref="Model.RbacModel.FromSnapshot"/> reads the RBAC objects of a snapshot.</summary>
public sealed record RbacOptions
{
    /// <summary>
    /// The ClusterRoleBindings every cluster bootstraps to let anyone discover the API
    /// (<see cref="DefaultDiscoveryBindings"/>). When false (the default) they are ignored, so answers
    /// show what the cluster's owners granted rather than what every cluster grants; set it to
    /// reproduce the API server exactly.
    /// </summary>
    public bool IncludeDefaults { get; init; }

    /// <summary>The default discovery ClusterRoleBindings of
    /// plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go (ClusterRoleBindings()).</summary>
    public static IReadOnlyList<string> DefaultDiscoveryBindings { get; } =
        ["system:discovery", "system:basic-user", "system:public-info-viewer"];
}
