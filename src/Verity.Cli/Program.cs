using System.CommandLine;
using Verity.Cli.Netpol;
using Verity.Cli.Rbac;
using Verity.Cli.Scan;

namespace Verity.Cli;

/// <summary>The <c>verity</c> command (also <c>kubectl verity</c> as a plugin): lists the commands, nothing else.</summary>
internal static class Program
{
    public static RootCommand Root(CliEnvironment env) => new("Verity: identity-first Zero Trust for Kubernetes fleets.")
    {
        ScanCommand.Create(env),
        NetpolCommand.Create(env),
        RbacCommand.Create(env),
        Pss.PssCommand.Create(env),
        Admission.AdmissionCommand.Create(env),
        Serve.ServeCommand.Create(env),
        Identity.IdentityCommand.Create(env),
    };

    private static Task<int> Main(string[] args) => CliRunner.RunAsync(Root, args, CliEnvironment.FromConsole());
}
