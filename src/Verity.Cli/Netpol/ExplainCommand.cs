using System.CommandLine;
using Verity.Cli.Output;

namespace Verity.Cli.Netpol;

/// <summary>
/// <c>verity netpol explain</c> (the flags of <c>can</c>): why a connection is allowed or denied — for egress at the
/// source and ingress at the destination, tier by tier, which policies select the endpoint and which rule and peer
/// matched or why none did. Exit codes as <c>can</c>.
/// </summary>
internal static class ExplainCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = new NetpolOptions();
        var connection = new ConnectionOptions();
        var command = new Command("explain", "Explain, tier by tier and rule by rule, why a connection is allowed or denied.");
        connection.AddTo(command);
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = common.Read(parse);
            return ConnectionRunner.RunAsync(settings, connection.Read(parse), env, (answer, model) =>
            {
                if (settings.Output == OutputFormat.Json) VerdictJson.Write(env.Out, answer.Query, answer.Allowed, answer.Verdict, steps: true);
                else ExplainRenderer.Write(TerminalConsole.Create(env, settings.NoColor), answer, model.Options);
            }, cancellationToken);
        });
        return command;
    }
}
