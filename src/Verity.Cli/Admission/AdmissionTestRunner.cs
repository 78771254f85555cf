using Verity.Admission.Guardrails;
using Verity.Admission.Pss;
using Verity.Admission.Vap;
using Verity.Cli.Input;
using Verity.Cli.Output;
using Verity.Core.Loading;
using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Cli.Admission;

/// <summary>
/// Runs <c>admission test</c>: loads the manifests, the policy config and the <c>--old</c> objects (every problem to
/// stderr, compiler style), judges every object, prints the results, then a summary of expired exceptions on stderr.
/// Exit 2 when the input, config or old objects had errors (results are still printed), else 1 when any object would
/// be denied, else 0.
/// </summary>
internal static class AdmissionTestRunner
{
    public static async Task<int> RunAsync(AdmissionTestSettings settings, CliEnvironment env, CancellationToken cancellationToken)
    {
        var input = await InputLoader.LoadAsync(settings.Input, env, cancellationToken);
        var config = PolicyConfigFile.Load(settings.Config);
        var old = settings.Old is null ? new LoadResult([], []) : ManifestReader.Read([settings.Old], env.OpenStdin);
        var (policies, policyProblems) = VapCompiler.Compile(input.Snapshot.Objects);
        InputProblems.Write(env.Error, input, [.. config.Diagnostics, .. old.Diagnostics, .. policyProblems]);
        var engine = new GuardrailEngine(config.Config, env.Time);
        var verdicts = new AdmissionEvaluator(engine, policies).Evaluate(input.Snapshot, settings.Operation, old.Objects);
        foreach (var problem in verdicts.Select(v => v.Object.Namespace).OfType<string>().Distinct()
                     .SelectMany(ns => NamespaceProblems(input.Snapshot, ns)))
            await env.Error.WriteLineAsync(problem);

        switch (settings.Output)
        {
            case AdmissionOutput.Json: AdmissionJsonRenderer.Write(env.Out, verdicts); break;
            case AdmissionOutput.Sarif: AdmissionSarifRenderer.Write(env.Out, verdicts); break;
            case AdmissionOutput.Junit: AdmissionJunitRenderer.Write(env.Out, verdicts); break;
            default: AdmissionTableRenderer.Write(env.Out, verdicts, settings.Operation); break;
        }
        await env.Out.FlushAsync(cancellationToken);

        if (settings.Operation == AdmissionOperation.Delete && policies.PolicyCount == 0)
            await env.Error.WriteLineAsync("note: --operation DELETE: nothing is evaluated (Pod Security Admission and the guardrails do not judge deletions); every object is allowed");
        var expired = engine.ExpiredExceptions();
        DiagnosticWriter.Write(env.Error, expired);
        if (expired.Count > 0)
            await env.Error.WriteLineAsync($"warning: {expired.Count} exception(s) of the policy config have expired and no longer apply");

        var hasErrors = input.HasErrors || config.HasErrors || old.HasErrors || policyProblems.Any(d => d.Level == DiagnosticLevel.Error);
        return hasErrors ? ExitCodes.BadInput : verdicts.Any(v => !v.Allowed) ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static IEnumerable<string> NamespaceProblems(Snapshot snapshot, string ns) =>
        PssNamespacePolicy.FromLabels(snapshot.Namespace(ns)?.Labels ?? new Dictionary<string, string>()).Problems
            .Select(p => $"warning: namespace \"{ns}\": {p}");
}
