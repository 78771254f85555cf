using System.CommandLine;
using Verity.Cli.Output;

namespace Verity.Cli.Netpol;

/// <summary>
/// <c>verity netpol can --from EP --to EP|IP --port P [--protocol X]</c>: prints <c>yes</c> or <c>no</c> (and one
/// reason line in table mode), exit 0 for yes and 1 for no, like <c>kubectl auth can-i</c>.
/// </summary>
internal static class CanCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = new NetpolOptions();
        var connection = new ConnectionOptions();
        var command = new Command("can", "Can one endpoint open a connection to another on a port? Prints yes or no; exit 0 for yes, 1 for no.");
        connection.AddTo(command);
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = common.Read(parse);
            return ConnectionRunner.RunAsync(settings, connection.Read(parse), env, (answer, _) =>
            {
                if (settings.Output == OutputFormat.Json) VerdictJson.Write(env.Out, answer.Query, answer.Allowed, answer.Verdict, steps: false);
                else CanRenderer.Write(env.Out, answer);
            }, cancellationToken);
        });
        return command;
    }
}
