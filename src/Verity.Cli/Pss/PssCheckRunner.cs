using Verity.Admission.Pss;
using Verity.Cli.Input;
using Verity.Cli.Output;

namespace Verity.Cli.Pss;

/// <summary>
/// Runs <c>pss check</c>: input problems and invalid namespace labels to stderr, verdicts to stdout. Exit 2 when the input
/// had errors, else 1 when any pod or template is denied by its enforce policy, else 0. Audit and warn never change it.
/// </summary>
internal static class PssCheckRunner
{
    public static async Task<int> RunAsync(PssCheckSettings settings, CliEnvironment env, CancellationToken cancellationToken)
    {
        var input = await InputLoader.LoadAsync(settings.Input, env, cancellationToken);
        InputProblems.Write(env.Error, input);
        var results = PssSnapshotEvaluator.Evaluate(input.Snapshot, new PssSnapshotOptions { Enforce = settings.Enforce, Defaults = settings.Defaults });
        foreach (var (ns, problem) in results.SelectMany(r => r.Policy.Problems.Select(p => (r.Namespace, p))).Distinct())
            await env.Error.WriteLineAsync($"warning: namespace \"{ns}\": {problem}");
        if (settings.Output == OutputFormat.Json) PssJsonRenderer.Write(env.Out, results);
        else PssTableRenderer.Write(env.Out, results);
        await env.Out.FlushAsync(cancellationToken);
        return input.HasErrors ? ExitCodes.BadInput : results.Any(r => !r.Allowed) ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
