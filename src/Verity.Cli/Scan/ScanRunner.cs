using Verity.Admission.Guardrails;
using Verity.Admission.Vap;
using Verity.Cli.Input;
using Verity.Cli.Output;
using Verity.Core.Model;
using Verity.Core.Snapshots;
using Verity.Network.Flows;
using Verity.Posture.Isolation;
using Verity.Posture.Scoring;

namespace Verity.Cli.Scan;

/// <summary>
/// Runs a scan: load → snapshot → scorecard (plus, with <c>--flows</c>, the audit of the observed traffic, and with <c>--config</c>, the admission guardrails), then diagnostics to stderr and the scorecard to stdout — the
/// scorecard of the valid objects is printed even when some input was bad — and the exit code of
/// <see cref="ScanVerdict"/>.
/// </summary>
internal static class ScanRunner
{
    public static async Task<int> RunAsync(ScanSettings settings, CliEnvironment env, CancellationToken cancellationToken)
    {
        var input = await InputLoader.LoadAsync(settings.Input, env, cancellationToken);
        var moreDiagnostics = new List<Diagnostic>();
        var traffic = settings.Flows.Count == 0 ? null : Traffic(input.Snapshot, settings.Flows, env, moreDiagnostics);
        IReadOnlyList<GuardrailResult>? guardrails = null;
        if (settings.Config is { } configFile)
        {
            var config = PolicyConfigFile.Load(configFile);
            var engine = new GuardrailEngine(config.Config, env.Time);
            guardrails = engine.Evaluate(input.Snapshot);
            moreDiagnostics.AddRange(config.Diagnostics);
            moreDiagnostics.AddRange(engine.ExpiredExceptions());
        }
        var (policies, policyDiagnostics) = VapCompiler.Compile(input.Snapshot.Objects);
        moreDiagnostics.AddRange(policyDiagnostics);
        var report = new ScanReport(PostureScanner.Scan(input.Snapshot), [.. input.Diagnostics, .. moreDiagnostics], input.Empty)
        {
            Traffic = traffic,
            Guardrails = guardrails,
            AdmissionPolicies = AdmissionPolicyReport.Evaluate(input.Snapshot, policies),
            Identities = Verity.Identity.Workloads.WorkloadIdentityMap.Build(input.Snapshot, settings.TrustDomain),
            TrustDomain = settings.TrustDomain.Name,
        };

        InputProblems.Write(env.Error, input, moreDiagnostics, verb: "scan");
        if (settings.Output == OutputFormat.Json) JsonRenderer.Write(env.Out, report);
        else TableRenderer.Write(TerminalConsole.Create(env, settings.NoColor), report);
        await env.Out.FlushAsync(cancellationToken);
        return ScanVerdict.ExitCode(report, settings.FailUnder);
    }

    /// <summary>The observed flows audited against the snapshot's policies, as <c>verity netpol audit</c> does.</summary>
    private static FlowAuditReport Traffic(Snapshot snapshot, IReadOnlyList<string> files, CliEnvironment env, List<Diagnostic> diagnostics)
    {
        var model = SnapshotNetwork.ModelOf(snapshot); // the model the isolation checks compile: not compiled twice
        var connections = FlowFiles.Aggregate(files, new FlowMapper(model), env, diagnostics);
        return FlowAudit.Audit(snapshot, model, connections);
    }
}
