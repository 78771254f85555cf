using System.CommandLine;
using Verity.Rbac.Risks;

namespace Verity.Cli.Rbac;

/// <summary>
/// <c>verity rbac risks [-f PATH... | --kubeconfig FILE] [-n NS] [--severity S] [--include-defaults] [-o table|json]</c>:
/// the risk catalog's findings per subject (docs/rbac.md) and the least-privilege scores. A report: exit 0
/// (2 on bad usage or input errors, after reporting).
/// </summary>
internal static class RisksCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = new RbacCommonOptions();
        var ns = new Option<string?>("--namespace", "-n")
        {
            Description = "Only findings of service accounts of NS (in any scope) and findings in namespace NS (of any subject); only NS's scores.",
            HelpName = "NS",
        };
        var severity = new Option<string?>("--severity")
        {
            Description = "Only findings of this severity or worse.",
            HelpName = "critical|high|medium|low",
        };
        severity.AcceptOnlyFromAmong([.. RiskSeverity.All]);
        var command = new Command("risks", "Risky RBAC grants (cluster-admin, secret readers, pod creators, escalate/bind…) per subject, with evidence, fix and least-privilege scores.");
        command.Options.Add(ns);
        command.Options.Add(severity);
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
            RisksRunner.RunAsync(common.Read(parse), new RisksSelection(parse.GetValue(ns), parse.GetValue(severity)), env, cancellationToken));
        return command;
    }
}
