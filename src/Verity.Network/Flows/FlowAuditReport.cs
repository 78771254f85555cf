namespace Verity.Network.Flows;

/// <summary>
/// The result of <see cref="FlowAudit.Audit"/>: the evaluated connections in observed order, the per-namespace
/// default-deny forecast (sorted by name), and the connections that could not be evaluated, in observed order.
/// </summary>
public sealed record FlowAuditReport(
    IReadOnlyList<AuditedConnection> Connections,
    IReadOnlyList<NamespaceAudit> Namespaces,
    IReadOnlyList<UnevaluatedConnection> Unevaluated);
