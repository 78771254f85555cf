using System.CommandLine;

namespace Verity.Cli.Pss;

/// <summary><c>verity pss</c>: Pod Security Standards, judged offline exactly as Pod Security Admission would. Lists its subcommands only.</summary>
internal static class PssCommand
{
    public static Command Create(CliEnvironment env) => new("pss", "Pod Security Standards (baseline, restricted) judged offline, exactly as Pod Security Admission would.")
    {
        PssCheckCommand.Create(env),
    };
}
