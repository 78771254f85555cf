using System.CommandLine;
using Verity.Rbac.Authorization;

namespace Verity.Cli.Rbac;

/// <summary>
/// <c>--as USER [--as-group G]...</c>: who is asking, as kubectl's impersonation builds it (a service account name
/// <c>system:serviceaccount:NS:SA</c> carries its groups; everyone gets system:authenticated). Required: offline there
/// is no "current user" of a kubeconfig to fall back to, so Verity asks in every mode.
/// </summary>
internal sealed class IdentityOptions
{
    public Option<string?> As { get; } = new("--as")
    {
        Description = "The user to ask for (required), e.g. alice or system:serviceaccount:NS:NAME.",
        HelpName = "USER",
    };

    public Option<string[]> AsGroups { get; } = new("--as-group")
    {
        Description = "A group the user is in. Repeatable. Given, it replaces a service account's implicit groups, as with kubectl.",
        HelpName = "GROUP",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(As);
        command.Options.Add(AsGroups);
        command.Validators.Add(result =>
        {
            if (result.GetResult(As) is null)
                result.AddError("--as USER is required: verity has no current user to ask for (there is no kubeconfig identity offline); "
                    + "pass --as USER and any --as-group GROUP.");
        });
    }

    public UserInfo Read(ParseResult parse) => UserInfo.Impersonate(parse.GetValue(As) ?? "", parse.GetValue(AsGroups) ?? []);
}
