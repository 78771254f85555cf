namespace Verity.Rbac.Paths;

/// <summary>What a node of the <see cref="EscalationGraph"/> is.</summary>
public enum EscalationNodeKind
{
    Workload,
    ServiceAccount,
    User,
    Group,

    /// <summary>A power an attacker wants: <see cref="EscalationNode.ClusterAdminEquivalent"/> or <see cref="EscalationNode.ReadAllSecrets"/>.</summary>
    Goal,
}
