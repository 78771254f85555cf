using System.CommandLine;

namespace Verity.Cli.Rbac;

/// <summary><c>verity rbac</c>: who may do what, by Kubernetes RBAC, offline or on a live cluster. Lists its subcommands only.</summary>
internal static class RbacCommand
{
    public static Command Create(CliEnvironment env) => new("rbac", "Who may do what: Kubernetes RBAC evaluated offline, like kubectl auth can-i.")
    {
        CanICommand.Create(env),
        WhoCanCommand.Create(env),
        ListCommand.Create(env),
        FromAuditCommand.Create(env),
        RbacDiffCommand.Create(env),
        RisksCommand.Create(env),
        PathsCommand.Create(env),
    };
}
