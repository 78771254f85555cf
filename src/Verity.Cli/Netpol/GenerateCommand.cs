using System.CommandLine;

namespace Verity.Cli.Netpol;

/// <summary>
/// <c>verity netpol generate</c>: least-privilege NetworkPolicies from observed flows, proven with the engine.
/// Exit 0 when the proof passes, 2 on bad input, 3 when an observed connection would be denied (a bug).
/// </summary>
internal static class GenerateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var options = new GenerateOptions();
        var command = new Command("generate", "Generate default-deny plus minimal allow NetworkPolicies from observed flows, and prove them: no observed connection denied, over-permission counted.");
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => GenerateRunner.RunAsync(options.Read(parse), env, cancellationToken));
        return command;
    }
}
