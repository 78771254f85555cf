using Verity.Network.Model;

namespace Verity.Cli.Netpol;

/// <summary>A resolved connection question; <see cref="PortName"/> is set when the user gave a named port.</summary>
internal sealed record ConnectionQuery(Endpoint From, Endpoint To, int Port, Protocol Protocol, string? PortName)
{
    /// <summary><c>8080/TCP</c>, or <c>http (8080/TCP)</c> for a named port.</summary>
    public string PortDisplay => PortName is null ? $"{Port}/{Protocol}" : $"{PortName} ({Port}/{Protocol})";
}
