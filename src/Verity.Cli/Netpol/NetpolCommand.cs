using System.CommandLine;

namespace Verity.Cli.Netpol;

/// <summary><c>verity netpol</c>: reachability questions on NetworkPolicy and cluster network policies. Lists its subcommands only.</summary>
internal static class NetpolCommand
{
    public static Command Create(CliEnvironment env) => new("netpol", "Who may talk to whom: NetworkPolicy and ClusterNetworkPolicy reachability, explained.")
    {
        CanCommand.Create(env),
        ExplainCommand.Create(env),
        MatrixCommand.Create(env),
        DiffCommand.Create(env),
        LintCommand.Create(env),
        AuditCommand.Create(env),
        GenerateCommand.Create(env),
    };
}
