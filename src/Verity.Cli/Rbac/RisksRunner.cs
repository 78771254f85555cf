using Verity.Cli.Output;

namespace Verity.Cli.Rbac;

/// <summary>Runs <c>risks</c>: input problems to stderr, findings and scores to stdout. Exit 0, or 2 when the input had errors.</summary>
internal static class RisksRunner
{
    public static async Task<int> RunAsync(RbacSettings settings, RisksSelection selection, CliEnvironment env, CancellationToken cancellationToken)
    {
        var input = await RbacAssessmentInput.LoadAndReportAsync(settings.Input, settings.IncludeDefaults, env, cancellationToken);
        var findings = selection.Findings(input.Assessment.Findings);
        var scores = selection.Scores(input.Assessment.Scores);
        if (settings.Output == OutputFormat.Json) RisksJsonRenderer.Write(env.Out, findings, scores);
        else RisksRenderer.Write(env.Out, findings, scores);
        await env.Out.FlushAsync(cancellationToken);
        return input.HasErrors ? ExitCodes.BadInput : ExitCodes.Ok;
    }
}
