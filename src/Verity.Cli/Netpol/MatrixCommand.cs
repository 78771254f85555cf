using System.CommandLine;

namespace Verity.Cli.Netpol;

/// <summary>
/// <c>verity netpol matrix [--port N]... [--protocol X] [-n NS]... [-o table|json|csv]</c>: every ordered pair of
/// endpoints on each port. Here <c>-n</c> is a repeatable filter on the endpoints listed (policies of every
/// namespace still apply), not the namespace of objects written without one.
/// </summary>
internal static class MatrixCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = new NetpolOptions(withNamespace: false, "table", "json", "csv");
        var ports = PortNumbersOption.Create("A destination port to check (repeatable); default: the ports each destination declares.");
        var protocol = ProtocolOption.Create("The protocol of --port (default TCP); without --port, only declared ports of this protocol.");
        var namespaces = new Option<string[]>("--namespace", "-n")
        {
            Description = "List only endpoints of this namespace (repeatable); policies of every namespace still apply.",
            HelpName = "NAME",
        };
        var command = new Command("matrix", "Every ordered pair of endpoints on each port, allowed or not.") { ports, protocol, namespaces };
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) => MatrixRunner.RunAsync(common.Read(parse),
            new MatrixSettings(new PortSelection(parse.GetValue(ports) ?? [], parse.GetValue(protocol)), parse.GetValue(namespaces) ?? []),
            env, cancellationToken));
        return command;
    }
}
