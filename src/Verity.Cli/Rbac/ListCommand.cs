using System.CommandLine;

namespace Verity.Cli.Rbac;

/// <summary>
/// <c>verity rbac list --as USER [--as-group G]... [-n NS | -A] [-o json]</c>: the user's effective rules in a
/// namespace, like <c>kubectl auth can-i --list</c>. A report: exit 0 (2 on bad usage or input errors).
/// </summary>
internal static class ListCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = new RbacCommonOptions();
        var scope = new ScopeOptions();
        var identity = new IdentityOptions();
        var command = new Command("list", "Everything a user may do in a namespace (effective rules), like kubectl auth can-i --list.");
        scope.AddTo(command);
        identity.AddTo(command);
        common.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
            ListRunner.RunAsync(common.Read(parse), identity.Read(parse), scope.Read(parse), env, cancellationToken));
        return command;
    }
}
