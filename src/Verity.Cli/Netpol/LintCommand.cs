using System.CommandLine;

namespace Verity.Cli.Netpol;

/// <summary><c>verity netpol lint</c>: policies that do not do what their author likely meant; exit 1 on any finding of medium severity or higher.</summary>
internal static class LintCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = new NetpolOptions();
        var command = new Command("lint", "Find policies that select nothing, dead peers and ports, blocked DNS, rules open to everything; exit 1 on medium or higher.");
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) => LintRunner.RunAsync(common.Read(parse), env, cancellationToken));
        return command;
    }
}
