using Verity.Cli.Input;
using Verity.Core.Model;
using Verity.Rbac;
using Verity.Rbac.Scoring;

namespace Verity.Cli.Rbac;

/// <summary>
/// A <c>verity rbac risks|paths</c> input assessed once (<see cref="RbacAssessment"/>: findings, escalation paths,
/// least-privilege scores). Loading reports every problem on standard error first, so the report that follows covers
/// the valid objects; <see cref="HasErrors"/> makes the command exit 2 after reporting.
/// </summary>
internal sealed record RbacAssessmentInput(LoadedInput Input, RbacAssessment Assessment)
{
    public bool HasErrors => Input.HasErrors || Assessment.Model.Diagnostics.Any(d => d.Level == DiagnosticLevel.Error);

    public static async Task<RbacAssessmentInput> LoadAndReportAsync(InputSettings settings, bool includeDefaults, CliEnvironment env, CancellationToken cancellationToken)
    {
        var input = await InputLoader.LoadAsync(settings, env, cancellationToken);
        var assessment = RbacAssessment.Assess(input.Snapshot, new RbacOptions { IncludeDefaults = includeDefaults });
        InputProblems.Write(env.Error, input, assessment.Model.Diagnostics);
        return new RbacAssessmentInput(input, assessment);
    }
}
