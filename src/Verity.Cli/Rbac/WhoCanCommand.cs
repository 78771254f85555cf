using System.CommandLine;

namespace Verity.Cli.Rbac;

/// <summary>
/// <c>verity rbac who-can VERB TYPE[.GROUP] [NAME] [--subresource S] [-n NS | -A] [-o json]</c> (or <c>VERB /url</c>):
/// every subject allowed, with the binding and role; groups are also expanded to the snapshot's service accounts
/// ("via group"). A report: exit 0 (2 on bad usage or input errors).
/// </summary>
internal static class WhoCanCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = new RbacCommonOptions();
        var request = new RequestOptions();
        var command = new Command("who-can", "Which users, groups and service accounts may do VERB on TYPE (or a non-resource URL), and through which binding and role.");
        request.AddTo(command);
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var (query, warnings) = request.Read(parse);
            return WhoCanRunner.RunAsync(common.Read(parse), query, warnings, env, cancellationToken);
        });
        return command;
    }
}
