using System.CommandLine;

namespace Verity.Cli.Admission;

/// <summary><c>verity admission</c>: admission decisions (Pod Security Admission and guardrails) made offline. Lists its subcommands only: <c>test</c> and <c>manifests</c>.</summary>
internal static class AdmissionCommand
{
    public static Command Create(CliEnvironment env) => new("admission", "Admission decisions (Pod Security Admission and Verity's guardrails) made offline, as the API server would make them.")
    {
        AdmissionTestCommand.Create(env),
        AdmissionManifestsCommand.Create(env),
    };
}
