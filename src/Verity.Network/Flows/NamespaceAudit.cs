namespace Verity.Network.Flows;

/// <summary>
/// One namespace's traffic against its policies: of the <see cref="Observed"/> evaluated connections whose source or
/// destination is in <see cref="Name"/>, how many the current policies deny (<see cref="Denied"/>), and how many are
/// allowed today but would be dropped if the namespace enforced a default-deny for ingress and egress
/// (<see cref="BrokenByDefaultDeny"/>).
/// </summary>
public sealed record NamespaceAudit(string Name, int Observed, int Denied, int BrokenByDefaultDeny);
