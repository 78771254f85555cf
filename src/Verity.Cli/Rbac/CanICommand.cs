using System.CommandLine;

namespace Verity.Cli.Rbac;

/// <summary>
/// <c>verity rbac can-i VERB TYPE[.GROUP] [NAME] [--subresource S] [-n NS | -A] --as USER [--as-group G]... [-o json]</c>
/// and <c>verity rbac can-i VERB /url</c>: <c>kubectl auth can-i</c> against the input's RBAC. Prints <c>yes</c> or
/// <c>no</c>; exit 0 for yes, 1 for no (2 on bad usage or input errors, after answering).
/// </summary>
internal static class CanICommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = new RbacCommonOptions();
        var request = new RequestOptions();
        var identity = new IdentityOptions();
        var command = new Command("can-i", "Can a user do VERB on TYPE (or a non-resource URL)? Prints yes or no; exit 0 for yes, 1 for no, like kubectl auth can-i.");
        request.AddTo(command);
        identity.AddTo(command);
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var (query, warnings) = request.Read(parse);
            return CanIRunner.RunAsync(common.Read(parse), query, warnings, identity.Read(parse), env, cancellationToken);
        });
        return command;
    }
}
