using Verity.Admission.Guardrails;
using Verity.Cli.Input;
using Verity.Cli.Output;
using Verity.Server.Install;

namespace Verity.Cli.Admission;

/// <summary>
/// Runs <c>admission manifests</c>: validates the flags and the policy config (every problem to stderr, then exit 2,
/// nothing printed; expired exceptions are warnings), issues a fresh CA and serving certificate, and writes the YAML to stdout or <c>--out</c>.
/// </summary>
internal static class AdmissionManifestsRunner
{
    public static async Task<int> RunAsync(AdmissionManifestsSettings settings, CliEnvironment env, CancellationToken cancellationToken)
    {
        var problems = settings.Options.Validate().ToList();
        if (settings.NoneWithOthers) problems.Add("--mutate none cannot be combined with another mutation");
        string? policy = null;
        if (settings.Config is not null)
        {
            var config = PolicyConfigFile.Load(settings.Config);
            DiagnosticWriter.Write(env.Error, config.Diagnostics);
            if (config.HasErrors) problems.Add($"--config {settings.Config} has errors (above); fix them before installing it");
            else
            {
                DiagnosticWriter.Write(env.Error, new GuardrailEngine(config.Config, env.Time).ExpiredExceptions());
                policy = await File.ReadAllTextAsync(settings.Config, cancellationToken);
            }
        }
        if (problems.Count > 0)
        {
            foreach (var problem in problems) await env.Error.WriteLineAsync($"error: {problem}");
            return ExitCodes.BadInput;
        }

        var options = settings.Options with { PolicyConfigYaml = policy };
        var certificates = WebhookCertificates.Issue(options.Service, options.Namespace, options.CertificateValidity, env.Time);
        var yaml = WebhookInstallManifests.ToYaml(WebhookInstallManifests.Build(options, certificates));
        if (settings.Out is null)
        {
            await env.Out.WriteAsync(yaml);
            await env.Out.FlushAsync(cancellationToken);
            return ExitCodes.Ok;
        }
        try
        {
            // Created 0600 and renamed into place: the private key is never readable by others, not even briefly.
            Verity.Identity.Store.SecureFile.Write(settings.Out, yaml, secret: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await env.Error.WriteLineAsync($"error: cannot write {settings.Out}: {e.Message}");
            return ExitCodes.BadInput;
        }
        await env.Error.WriteLineAsync($"wrote {settings.Out} (it holds the webhook's private key: keep it out of version control)");
        return ExitCodes.Ok;
    }
}
