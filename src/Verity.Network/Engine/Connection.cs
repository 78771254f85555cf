using Verity.Network.Model;

namespace Verity.Network.Engine;

/// <summary>One ordered pair of endpoints on one port, and whether the connection is allowed.</summary>
public sealed record Connection(Endpoint From, Endpoint To, PortKey Port, bool Allowed);
