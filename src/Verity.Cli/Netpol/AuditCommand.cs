using System.CommandLine;

namespace Verity.Cli.Netpol;

/// <summary>
/// <c>verity netpol audit --flows F [--flows F2]... [-o table|json]</c>: observed connections judged against the
/// current policies, and what a namespace-wide default-deny would break. A report: exit 0, or 2 when the manifests
/// or the flows had errors (after printing the audit of everything valid).
/// </summary>
internal static class AuditCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = new NetpolOptions();
        var flows = new Option<string[]>("--flows")
        {
            Description = "Observed flows: Hubble JSON (hubble observe -o json) or CSV, optionally gzip-compressed, or - for stdin. Repeatable.",
            HelpName = "FILE",
            Required = true,
        };
        var command = new Command("audit", "Observed connections: allowed or denied today and by which policy, and what a default-deny per namespace would break.") { flows };
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) => AuditRunner.RunAsync(common.Read(parse), parse.GetValue(flows) ?? [], env, cancellationToken));
        return command;
    }
}
