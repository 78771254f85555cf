using Verity.Network.Flows;

namespace Verity.Network.Generation;

/// <summary>An observed connection no policy was generated for, and why (host or unmapped peer, no port, only dropped).</summary>
public sealed record SkippedConnection(ObservedConnection Connection, string Reason);
