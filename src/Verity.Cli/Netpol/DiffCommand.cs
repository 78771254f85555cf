using System.CommandLine;

namespace Verity.Cli.Netpol;

/// <summary>
/// <c>verity netpol diff -f BEFORE... --against AFTER... [--port N]... [--protocol X]</c>: the connections a change
/// opens and closes; exit 1 when it opens any (a CI gate), else 0. BEFORE may also be a live cluster
/// (<c>--kubeconfig/--context</c>): "what would applying these manifests open?".
/// </summary>
internal static class DiffCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = new NetpolOptions();
        var against = new Option<string[]>("--against")
        {
            Description = "The input after the change: a file, a directory (recursive) or - for stdin. Repeatable.",
            HelpName = "PATH",
            Required = true,
        };
        var ports = PortNumbersOption.Create("A destination port to compare (repeatable); default: the ports each destination declares.");
        var protocol = ProtocolOption.Create("The protocol of --port (default TCP); without --port, only declared ports of this protocol.");
        var command = new Command("diff", "Connections a change opens and closes; exit 1 when it opens any.");
        common.AddTo(command);
        command.Options.Add(against);
        command.Options.Add(ports);
        command.Options.Add(protocol);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = common.Read(parse);
            var after = settings.Input with { Files = parse.GetValue(against) ?? [], Kubeconfig = null, Context = null };
            return DiffRunner.RunAsync(settings, new DiffSettings(after, new PortSelection(parse.GetValue(ports) ?? [], parse.GetValue(protocol))), env, cancellationToken);
        });
        return command;
    }
}
