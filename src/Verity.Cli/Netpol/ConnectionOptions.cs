using System.CommandLine;
using Verity.Network.Model;

namespace Verity.Cli.Netpol;

/// <summary><c>--from</c>, <c>--to</c>, <c>--port</c> and <c>--protocol</c> of <c>verity netpol can</c> and <c>explain</c>.</summary>
internal sealed class ConnectionOptions
{
    public Option<string> From { get; } = new("--from")
    {
        Description = "The source: a pod (ns/name), a workload (ns/kind/name or ns/name) or an IP address.",
        HelpName = "ENDPOINT",
        Required = true,
    };

    public Option<string> To { get; } = new("--to")
    {
        Description = "The destination: a pod (ns/name), a workload (ns/kind/name or ns/name) or an IP address.",
        HelpName = "ENDPOINT|IP",
        Required = true,
    };

    public Option<string> Port { get; } = new("--port")
    {
        Description = "The destination port: a number, or a port name declared by the destination's containers.",
        HelpName = "PORT",
        Required = true,
    };

    public Option<Protocol?> Protocol { get; } = ProtocolOption.Create("The protocol (default: TCP, or the protocol of the named port).");

    public ConnectionOptions()
    {
        Port.Validators.Add(result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (PortText.LooksNumeric(text) && !PortText.TryParseNumber(text, out _))
                result.AddError($"--port must be a port number from 1 to 65535 or a port name, not '{text}'.");
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(From);
        command.Options.Add(To);
        command.Options.Add(Port);
        command.Options.Add(Protocol);
    }

    public ConnectionSettings Read(ParseResult parse) =>
        new(parse.GetValue(From)!, parse.GetValue(To)!, parse.GetValue(Port)!, parse.GetValue(Protocol));
}
