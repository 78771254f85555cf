using Verity.Cli.Output;
using Verity.Rbac.Authorization;

namespace Verity.Cli.Rbac;

/// <summary>Runs <c>who-can</c>: warnings and input problems to stderr, the subjects to stdout. Exit 0, or 2 when the input had errors.</summary>
internal static class WhoCanRunner
{
    private static readonly UserInfo Nobody = new("", []);

    public static async Task<int> RunAsync(RbacSettings settings, RequestQuery query, IReadOnlyList<string> warnings, CliEnvironment env, CancellationToken cancellationToken)
    {
        foreach (var warning in warnings) await env.Error.WriteLineAsync(warning);
        var input = await RbacInput.LoadAndReportAsync(settings.Input, settings.IncludeDefaults, env, cancellationToken);
        var request = RequestOptions.Attributes(query, Nobody);
        var entries = input.Authorizer.WhoCan(request);
        if (settings.Output == OutputFormat.Json) WhoCanRenderer.WriteJson(env.Out, request, entries);
        else WhoCanRenderer.WriteTable(env.Out, query with { Namespace = request.Namespace }, entries);
        await env.Out.FlushAsync(cancellationToken);
        return input.HasErrors ? ExitCodes.BadInput : ExitCodes.Ok;
    }
}
