using Verity.Core.Model;
using Verity.Core.Snapshots;
using Verity.Rbac.Compilation;

namespace Verity.Rbac.Model;

/// <summary>
/// The RBAC state of one snapshot, compiled once: every Role and ClusterRole (aggregation applied),
/// every RoleBinding and ClusterRoleBinding with its role resolved, and every subject. Immutable;
/// query it through <see cref="Authorization.Authorizer"/>.
/// </summary>
public sealed class RbacModel
{
    private RbacModel(IReadOnlyList<Role> roles, IReadOnlyList<Binding> bindings, IReadOnlyList<Subject> serviceAccounts,
        IReadOnlyList<string> namespaces, IReadOnlyList<Diagnostic> diagnostics, RbacOptions options)
    {
        Roles = roles;
        Bindings = bindings;
        ServiceAccounts = serviceAccounts;
        Namespaces = namespaces;
        Diagnostics = diagnostics;
        Options = options;
        Subjects = bindings.SelectMany(b => b.Subjects).Concat(serviceAccounts).Distinct()
            .OrderBy(s => s.Kind).ThenBy(s => s.Namespace, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Roles and ClusterRoles in input order; aggregated ClusterRoles carry their aggregated rules.</summary>
    public IReadOnlyList<Role> Roles { get; }

    /// <summary>RoleBindings and ClusterRoleBindings with a valid roleRef, in input order (the default
    /// discovery bindings left out unless <see cref="RbacOptions.IncludeDefaults"/>).</summary>
    public IReadOnlyList<Binding> Bindings { get; }

    /// <summary>The ServiceAccounts of the snapshot, as subjects.</summary>
    public IReadOnlyList<Subject> ServiceAccounts { get; }

    /// <summary>Every subject named by a binding or present as a ServiceAccount, each once, sorted by kind, namespace, name.</summary>
    public IReadOnlyList<Subject> Subjects { get; }

    /// <summary>Every namespace that matters to RBAC: those of the snapshot and those holding RoleBindings, sorted.</summary>
    public IReadOnlyList<string> Namespaces { get; }

    /// <summary>Problems found while compiling (the objects or parts concerned are skipped).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public RbacOptions Options { get; }

    /// <summary>Compiles the rbac.authorization.k8s.io objects of a snapshot. Never throws on bad input.</summary>
    public static RbacModel FromSnapshot(Snapshot snapshot, RbacOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        options ??= new RbacOptions();
        var diagnostics = new List<Diagnostic>();
        const string group = BindingCompiler.RbacGroup;
        var clusterRoles = RoleAggregator.Aggregate(
            snapshot.OfKind(Role.ClusterRoleKind, group).Select(o => RoleCompiler.Compile(o, diagnostics)).ToList());
        var roles = snapshot.OfKind(Role.RoleKind, group).Select(o => RoleCompiler.Compile(o, diagnostics)).ToList();
        var clusterRoleByName = clusterRoles.ToDictionary(r => r.Name, StringComparer.Ordinal);
        var roleByKey = roles.ToDictionary(r => (r.Namespace!, r.Name));
        var bindings = new List<Binding>();
        var skipped = options.IncludeDefaults ? [] : RbacOptions.DefaultDiscoveryBindings.ToHashSet(StringComparer.Ordinal);
        foreach (var source in snapshot.OfKind(Binding.ClusterRoleBindingKind, group).Concat(snapshot.OfKind(Binding.RoleBindingKind, group)))
        {
            var cluster = source.Kind == Binding.ClusterRoleBindingKind;
            if (cluster && skipped.Contains(source.Name)) continue;
            if (BindingCompiler.RoleRef(source, diagnostics) is not var (kind, name)) continue;
            var role = kind == Role.ClusterRoleKind ? clusterRoleByName.GetValueOrDefault(name) : roleByKey.GetValueOrDefault((source.Namespace!, name));
            if (role is null)
                diagnostics.Add(RbacDiagnostics.Missing(source, $"{kind} \"{name}\" is not in the input; the binding grants nothing"));
            bindings.Add(new Binding
            {
                Kind = cluster ? Binding.ClusterRoleBindingKind : Binding.RoleBindingKind,
                Namespace = cluster ? null : source.Namespace,
                Name = source.Name,
                RoleRef = new RoleReference(kind, name),
                Subjects = BindingCompiler.Subjects(source, diagnostics),
                Role = role,
                Source = source,
            });
        }
        var serviceAccounts = snapshot.ServiceAccounts.Select(sa => Subject.ServiceAccount(sa.Object.Namespace!, sa.Object.Name)).ToList();
        var namespaces = snapshot.Namespaces.Select(n => n.Name).Concat(bindings.Where(b => b.Namespace is not null).Select(b => b.Namespace!))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return new RbacModel([.. clusterRoles, .. roles], bindings, serviceAccounts, namespaces, diagnostics, options);
    }
}
