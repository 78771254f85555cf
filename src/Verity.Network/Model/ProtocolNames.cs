namespace Verity.Network.Model;

/// <summary>Parses protocol names as the API spells them (upper case; the API server rejects other spellings).</summary>
public static class ProtocolNames
{
    public static bool TryParse(string? text, out Protocol protocol)
    {
        protocol = Protocol.TCP;
        switch (text)
        {
            case null or "" or "TCP": return true;
            case "UDP": protocol = Protocol.UDP; return true;
            case "SCTP": protocol = Protocol.SCTP; return true;
            default: return false;
        }
    }
}
