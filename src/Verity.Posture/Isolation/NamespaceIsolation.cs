namespace Verity.Posture.Isolation;

/// <summary>
/// The network isolation of one namespace (definitions in <see cref="IsolationAnalyzer"/>): the share of its
/// pods isolated for ingress and for egress, and whether it denies both directions by default (a new pod with
/// no labels would be isolated both ways). Pods are the snapshot's pods, or for a workload without pods in
/// the input its pod template, counted once; host-network pods are not counted (NetworkPolicy does not apply).
/// </summary>
public sealed record NamespaceIsolation(string Namespace, IsolationShare Ingress, IsolationShare Egress, bool DefaultDeny);
