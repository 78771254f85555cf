using System.CommandLine;

namespace Verity.Cli.Identity;

/// <summary><c>verity identity</c>: SPIFFE workload identity — a CA, X.509-SVIDs, bundles, and SVID inspection (docs/identity.md). Lists its subcommands only.</summary>
internal static class IdentityCommand
{
    public static Command Create(CliEnvironment env) => new("identity", "SPIFFE workload identity: run a CA, issue X.509-SVIDs, print bundles, inspect certificates.")
    {
        CaCommand.Create(env),
        IssueCommand.Create(env),
        BundleCommand.Create(env),
        InspectCommand.Create(env),
        IdentityServeCommand.Create(env),
    };
}
