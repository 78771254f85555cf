using Verity.Cli.Output;

namespace Verity.Cli.Rbac;

/// <summary>Runs <c>paths</c>: input problems to stderr, the paths to stdout. Exit 0, or 2 when the input had errors.</summary>
internal static class PathsRunner
{
    public static async Task<int> RunAsync(RbacSettings settings, string? ns, CliEnvironment env, CancellationToken cancellationToken)
    {
        var input = await RbacAssessmentInput.LoadAndReportAsync(settings.Input, settings.IncludeDefaults, env, cancellationToken);
        var paths = input.Assessment.Paths.Where(p => ns is null || p.Start.Namespace == ns).ToList();
        if (settings.Output == OutputFormat.Json) PathsJsonRenderer.Write(env.Out, paths);
        else PathsRenderer.Write(env.Out, paths);
        await env.Out.FlushAsync(cancellationToken);
        return input.HasErrors ? ExitCodes.BadInput : ExitCodes.Ok;
    }
}
