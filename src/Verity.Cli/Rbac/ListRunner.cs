using Verity.Cli.Output;
using Verity.Rbac.Authorization;

namespace Verity.Cli.Rbac;

/// <summary>Runs <c>list</c>: input problems to stderr, the effective rules to stdout. Exit 0, or 2 when the input had errors.</summary>
internal static class ListRunner
{
    public static async Task<int> RunAsync(RbacSettings settings, UserInfo user, string ns, CliEnvironment env, CancellationToken cancellationToken)
    {
        var input = await RbacInput.LoadAndReportAsync(settings.Input, settings.IncludeDefaults, env, cancellationToken);
        var rules = input.Authorizer.RulesFor(user, ns);
        if (settings.Output == OutputFormat.Json) ListRenderer.WriteJson(env.Out, user, ns, rules);
        else ListRenderer.WriteTable(env.Out, rules);
        await env.Out.FlushAsync(cancellationToken);
        return input.HasErrors ? ExitCodes.BadInput : ExitCodes.Ok;
    }
}
