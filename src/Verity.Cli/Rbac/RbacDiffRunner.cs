using Verity.Cli.Input;
using Verity.Cli.Output;
using Verity.Rbac.Diff;

namespace Verity.Cli.Rbac;

/// <summary>
/// Runs <c>diff</c>: both inputs loaded and reported (before, then after), compared by <see cref="RbacDiff"/>, rendered.
/// Exit 2 when either input had errors, else 1 when a permission was gained, else 0.
/// </summary>
internal static class RbacDiffRunner
{
    public static async Task<int> RunAsync(RbacSettings settings, InputSettings against, CliEnvironment env, CancellationToken cancellationToken)
    {
        var before = await RbacInput.LoadAndReportAsync(settings.Input, settings.IncludeDefaults, env, cancellationToken);
        var after = await RbacInput.LoadAndReportAsync(against, settings.IncludeDefaults, env, cancellationToken);
        var result = RbacDiff.Compare(before.Model, after.Model);
        if (settings.Output == OutputFormat.Json) RbacDiffRenderer.WriteJson(env.Out, result);
        else RbacDiffRenderer.WriteTable(env.Out, result);
        await env.Out.FlushAsync(cancellationToken);
        return before.HasErrors || after.HasErrors ? ExitCodes.BadInput : result.HasGains ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
