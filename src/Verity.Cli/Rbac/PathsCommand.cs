using System.CommandLine;

namespace Verity.Cli.Rbac;

/// <summary>
/// <c>verity rbac paths [-f PATH... | --kubeconfig FILE] [-n NS] [--include-defaults] [-o table|json]</c>: for every
/// workload that has one, the shortest escalation path to each goal (cluster-admin-equivalent, read-all-secrets), step by
/// step with the risk and the grants behind each step (docs/rbac.md). A report: exit 0 (2 on bad usage or input errors).
/// </summary>
internal static class PathsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = new RbacCommonOptions();
        var ns = new Option<string?>("--namespace", "-n")
        {
            Description = "Only paths starting at workloads of NS (the steps may lead anywhere).",
            HelpName = "NS",
        };
        var command = new Command("paths", "How a compromised workload becomes cluster-admin or reads every Secret: the shortest RBAC escalation path of each workload, step by step.");
        command.Options.Add(ns);
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) => PathsRunner.RunAsync(common.Read(parse), parse.GetValue(ns), env, cancellationToken));
        return command;
    }
}
