using Verity.Cli.Output;
using Verity.Rbac.Authorization;

namespace Verity.Cli.Rbac;

/// <summary>
/// Runs <c>can-i</c>: warnings and input problems to stderr, then the answer — <c>yes</c>/<c>no</c> alone on stdout as
/// kubectl prints it, or the JSON document with the reason and the grant. Exit 0 yes, 1 no, 2 when the input had errors.
/// </summary>
internal static class CanIRunner
{
    public static async Task<int> RunAsync(RbacSettings settings, RequestQuery query, IReadOnlyList<string> warnings, UserInfo user,
        CliEnvironment env, CancellationToken cancellationToken)
    {
        foreach (var warning in warnings) await env.Error.WriteLineAsync(warning);
        var input = await RbacInput.LoadAndReportAsync(settings.Input, settings.IncludeDefaults, env, cancellationToken);
        var request = RequestOptions.Attributes(query, user);
        var decision = input.Authorizer.Authorize(request);
        if (settings.Output == OutputFormat.Json) CanIJsonRenderer.Write(env.Out, request, decision);
        else await env.Out.WriteLineAsync(decision.Allowed ? "yes" : "no");
        await env.Out.FlushAsync(cancellationToken);
        return input.HasErrors ? ExitCodes.BadInput : decision.Allowed ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
