using System.Net;

namespace Verity.Network.Policies;

/// <summary>CIDR parsing (IPv4 and IPv6). Host bits after the prefix are masked, as the API server's sloppy parser does.</summary>
internal static class Cidrs
{
    public static bool TryParse(string? text, out IPNetwork network)
    {
        network = default;
        return !string.IsNullOrWhiteSpace(text) && text.Contains('/') && IPNetwork.TryParse(text.Trim(), out network);
    }
}
