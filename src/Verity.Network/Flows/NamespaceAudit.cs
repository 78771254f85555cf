namespace Verity.Network.Flows;

/// <summary>
/// One namespace's default-deny forecast: of the <see cref="Observed"/> evaluated connections whose source or
/// destination is in <see cref="Name"/>, how many are allowed today and would be dropped if the namespace enforced
/// a default-deny for ingress and egress.
/// </summary>
public sealed record NamespaceAudit(string Name, int Observed, int BrokenByDefaultDeny);
