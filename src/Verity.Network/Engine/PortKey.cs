using Verity.Network.Model;

namespace Verity.Network.Engine;

/// <summary>A destination port and protocol, the unit the matrix is computed for.</summary>
public readonly record struct PortKey(int Port, Protocol Protocol)
{
    public override string ToString() => $"{Port}/{Protocol}";
}
