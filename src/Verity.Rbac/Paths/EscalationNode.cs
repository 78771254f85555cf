using Verity.Rbac.Model;

namespace Verity.Rbac.Paths;

/// <summary>
/// A node of the <see cref="EscalationGraph"/>: a workload (<see cref="Name"/> is <c>Kind/name</c>, e.g.
/// <c>Deployment/orders</c>), an identity (service account, user, group) or a goal.
/// </summary>
public sealed record EscalationNode(EscalationNodeKind Kind, string Name, string? Namespace = null)
{
    /// <summary>Can do anything: cluster-admin, or a capability that leads to it without further RBAC
    /// (bind or escalate cluster-wide, approving client certificates, admission webhooks, kubelet proxy).</summary>
    public static EscalationNode ClusterAdminEquivalent { get; } = new(EscalationNodeKind.Goal, "cluster-admin-equivalent");

    /// <summary>Can read every Secret of every namespace.</summary>
    public static EscalationNode ReadAllSecrets { get; } = new(EscalationNodeKind.Goal, "read-all-secrets");

    public static EscalationNode For(Subject subject) => subject.Kind switch
    {
        SubjectKind.ServiceAccount => new(EscalationNodeKind.ServiceAccount, subject.Name, subject.Namespace),
        SubjectKind.User => new(EscalationNodeKind.User, subject.Name),
        _ => new(EscalationNodeKind.Group, subject.Name),
    };

    /// <summary>The RBAC subject of an identity node; null for workloads and goals.</summary>
    public Subject? Subject => Kind switch
    {
        EscalationNodeKind.ServiceAccount => Model.Subject.ServiceAccount(Namespace!, Name),
        EscalationNodeKind.User => Model.Subject.User(Name),
        EscalationNodeKind.Group => Model.Subject.Group(Name),
        _ => null,
    };

    /// <summary><c>Deployment api/orders</c>, <c>ServiceAccount api/orders</c>, <c>User alice</c>, <c>goal read-all-secrets</c>.</summary>
    public override string ToString() => Kind switch
    {
        EscalationNodeKind.Workload => $"{Name[..Name.IndexOf('/')]} {Namespace}/{Name[(Name.IndexOf('/') + 1)..]}",
        EscalationNodeKind.ServiceAccount => $"ServiceAccount {Namespace}/{Name}",
        EscalationNodeKind.Goal => $"goal {Name}",
        _ => $"{Kind} {Name}",
    };
}
