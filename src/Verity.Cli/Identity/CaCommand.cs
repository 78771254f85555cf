using System.CommandLine;

namespace Verity.Cli.Identity;

/// <summary><c>verity identity ca</c>: manage the certificate authority kept in a CA directory. Lists its subcommands only.</summary>
internal static class CaCommand
{
    public static Command Create(CliEnvironment env) => new("ca", "Manage the SPIFFE certificate authority kept in a CA directory.")
    {
        CaInitCommand.Create(env),
    };
}
