using System.CommandLine;

namespace Verity.Cli.Rbac;

/// <summary>
/// <c>verity rbac from-audit AUDIT.log [--user U] [--out FILE]</c>: least-privilege Roles, ClusterRoles and bindings
/// that allow exactly what the audit log shows each user doing, as YAML for <c>kubectl apply -f</c>. Denied (403)
/// requests and unusable lines go to stderr; exit 2 when a line could not be read (after writing the YAML), else 0.
/// </summary>
internal static class FromAuditCommand
{
    public static Command Create(CliEnvironment env)
    {
        var log = new Argument<string>("AUDIT")
        {
            Description = "A Kubernetes audit log (audit.k8s.io Events as JSON lines, or one pretty-printed Event/EventList), optionally gzip-compressed, or - for stdin.",
        };
        var user = new Option<string?>("--user")
        {
            Description = "Only this user's requests (e.g. alice or system:serviceaccount:NS:NAME); default: roles for every user.",
            HelpName = "USER",
        };
        var output = new Option<string?>("--out") { Description = "Write the YAML to this file instead of stdout.", HelpName = "FILE" };
        var command = new Command("from-audit", "Minimal Roles/ClusterRoles and bindings from an audit log: exactly what each user was seen doing.") { log, user, output };
        command.SetAction((parse, cancellationToken) =>
            FromAuditRunner.RunAsync(parse.GetValue(log)!, parse.GetValue(user), parse.GetValue(output), env, cancellationToken));
        return command;
    }
}
