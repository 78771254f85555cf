using System.CommandLine;
using System.CommandLine.Parsing;
using Verity.Network.Model;

namespace Verity.Cli.Netpol;

/// <summary><c>--protocol TCP|UDP|SCTP</c> (any case); absent is null so a command can choose its default.</summary>
internal static class ProtocolOption
{
    public static Option<Protocol?> Create(string description) => new("--protocol")
    {
        Description = description,
        HelpName = "TCP|UDP|SCTP",
        CustomParser = Parse,
    };

    private static Protocol? Parse(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (ProtocolNames.TryParse(text.ToUpperInvariant(), out var protocol) && text.Length > 0) return protocol;
        result.AddError($"--protocol must be TCP, UDP or SCTP, not '{text}'.");
        return null;
    }
}
