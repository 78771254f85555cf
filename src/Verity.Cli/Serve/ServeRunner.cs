using Verity.Admission.Guardrails;
using Verity.Admission.Vap;
using Verity.Cli.Input;
using Verity.Cli.Output;
using Verity.Core.Loading;
using Verity.Core.Model;
using Verity.Kube.Watch;
using Verity.Server.Hosting;

namespace Verity.Cli.Serve;

/// <summary>
/// Runs <c>verity serve --admission</c>: loads the certificate, the <c>--namespaces</c> labels and the <c>--config</c>
/// guardrail config (exit 2 with the reason, file:line:col for config errors, when any cannot be read), starts the webhook,
/// prints where it listens and what it enforces, and serves until cancelled (Ctrl+C, SIGTERM); then stops gracefully and
/// exits 0. An address that cannot be bound exits 2.
/// </summary>
internal static class ServeRunner
{
    public static async Task<int> RunAsync(ServeSettings settings, CliEnvironment env, CancellationToken cancellationToken)
    {
        var certificate = ServerCertificate.TryLoad(settings.CertificateFile, settings.KeyFile, out var error);
        if (certificate is null)
        {
            await env.Error.WriteLineAsync($"error: {error}");
            return ExitCodes.BadInput;
        }
        using (certificate)
        {
            var admission = settings.Admission;
            if (settings.NamespaceFiles.Count > 0)
            {
                var (labels, load) = NamespaceLabelsFile.Read(settings.NamespaceFiles);
                DiagnosticWriter.Write(env.Error, load.Diagnostics);
                if (load.HasErrors) return ExitCodes.BadInput;
                admission = admission with { NamespaceLabels = ns => labels.GetValueOrDefault(ns) };
                await env.Out.WriteLineAsync($"verity: labels of {labels.Count} namespace(s) read from {string.Join(", ", settings.NamespaceFiles)}");
            }
            string? problem = null;
            await using var watcher = settings.WatchNamespaces ? NamespaceLabelWatcher.Start(settings.Cluster, m => env.Error.WriteLine($"verity: {m}"), out problem) : null;
            if (settings.WatchNamespaces)
            {
                if (watcher is null)
                {
                    await env.Error.WriteLineAsync($"error: --watch-namespaces: {problem}");
                    return ExitCodes.BadInput;
                }
                admission = admission with { NamespaceLabels = watcher.LabelsOf };
                await env.Out.WriteLineAsync($"verity: namespace labels watched at {watcher.Source}; ready once listed");
            }
            var guardrails = PolicyConfigFile.Load(settings.ConfigFile);
            DiagnosticWriter.Write(env.Error, guardrails.Diagnostics);
            if (guardrails.HasErrors) return ExitCodes.BadInput;
            admission = admission with { Guardrails = guardrails.Config };
            if (settings.PolicyFiles.Count > 0)
            {
                var load = ManifestReader.Read(settings.PolicyFiles);
                var (set, problems) = VapCompiler.Compile(load.Objects);
                DiagnosticWriter.Write(env.Error, [.. load.Diagnostics, .. problems]);
                if (load.HasErrors || problems.Any(p => p.Level == DiagnosticLevel.Error)) return ExitCodes.BadInput;
                var labels = admission.NamespaceLabels;
                var rbac = load.Objects.Any(o => o.Ref.Group == "rbac.authorization.k8s.io")
                    ? Verity.Rbac.Model.RbacModel.FromSnapshot(Verity.Core.Snapshots.SnapshotBuilder.Build(load.Objects))
                    : null;
                admission = admission with { Policies = set, PolicyInputs = new VapObjectInputs(load.Objects, labels, rbac) };
                await env.Out.WriteLineAsync($"verity: {set.PolicyCount} ValidatingAdmissionPolicies with {set.BindingCount} bindings read from {string.Join(", ", settings.PolicyFiles)}");
            }
            DiagnosticWriter.Write(env.Error, new GuardrailEngine(guardrails.Config, admission.Time).ExpiredExceptions());
            await using var server = AdmissionServer.Build(new AdmissionServerOptions
            {
                Listen = settings.Listen,
                Certificate = certificate,
                Admission = admission,
                MaxRequestBodyBytes = settings.MaxRequestBodyBytes,
                RequestTimeout = settings.RequestTimeout,
                InputsReady = watcher is null ? null : () => watcher.IsSynced,
            });
            try
            {
                await server.StartAsync(cancellationToken);
            }
            catch (IOException e)
            {
                await env.Error.WriteLineAsync($"error: cannot listen on {settings.Listen}: {e.Message}");
                return ExitCodes.BadInput;
            }
            var mutation = new[] { admission.Mutation.SeccompRuntimeDefault ? "seccomp RuntimeDefault" : null, admission.Mutation.DisableServiceAccountTokenAutomount ? "automountServiceAccountToken=false" : null }
                .OfType<string>().ToList();
            await env.Out.WriteLineAsync($"verity: admission webhook listening on {string.Join(", ", server.Addresses)} " +
                $"(enforce {admission.Enforce}, warn {admission.Warn}, audit {admission.Audit}; guardrails {Summary(guardrails.Config)}; mutate: {(mutation.Count == 0 ? "nothing" : string.Join(", ", mutation))})");
            await env.Out.WriteLineAsync("endpoints: POST /validate, POST /mutate, GET /healthz, /readyz, /metrics; Ctrl+C stops");
            await env.Out.FlushAsync(CancellationToken.None);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
            await server.StopAsync(CancellationToken.None);
            await env.Out.WriteLineAsync("verity: admission webhook stopped");
            return ExitCodes.Ok;
        }
    }

    /// <summary>e.g. <c>"default" (VG-IMG-002 enforce, 8 audit, 1 disabled)</c>.</summary>
    private static string Summary(GuardrailConfig config)
    {
        var byAction = GuardrailLibrary.Policies.GroupBy(p => config.Settings(p.Id).Action).OrderByDescending(g => g.Key)
            .Select(g => g.Key == GuardrailAction.Enforce ? $"{string.Join(", ", g.Select(p => p.Id))} enforce" : $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        return $"\"{config.Name}\" ({string.Join(", ", byAction)})";
    }
}
