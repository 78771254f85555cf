using System.CommandLine;
using System.Globalization;

namespace Verity.Cli.Admission;

/// <summary>
/// <c>verity admission manifests [--namespace NS] [--service NAME] [--image IMAGE] [--failure-policy Fail|Ignore]
/// [--timeout-seconds 1-5] [--replicas N] [--cert-days N] [--config FILE] [--mutate seccomp|no-automount|none]...
/// [--watch-namespaces true|false] [--out FILE]</c> (docs/webhook.md, "Installing"): everything that installs the admission
/// webhook, as YAML for <c>kubectl apply -f -</c>. Exit 2 on a bad flag or an invalid policy config.
/// </summary>
internal static class AdmissionManifestsCommand
{
    public static Command Create(CliEnvironment env)
    {
        var ns = new Option<string>("--namespace", "-n") { Description = "Namespace the webhook runs in (excluded from admission, with kube-system).", DefaultValueFactory = _ => "verity" };
        var service = new Option<string>("--service") { Description = "Name of the Service, Deployment and webhook configurations.", DefaultValueFactory = _ => "verity" };
        var image = new Option<string>("--image") { Description = "Container image of the server (its entrypoint is verity).", DefaultValueFactory = _ => "ghcr.io/verity-dev/verity:0.1.0" };
        var failurePolicy = new Option<string>("--failure-policy") { Description = "What the API server does when the webhook cannot answer: Fail rejects the request (secure), Ignore admits it.", DefaultValueFactory = _ => "Fail" };
        failurePolicy.AcceptOnlyFromAmong("Fail", "Ignore");
        var timeout = new Option<int>("--timeout-seconds") { Description = "How long the API server waits for the webhook (1-5).", HelpName = "N", DefaultValueFactory = _ => 5 };
        var replicas = new Option<int>("--replicas") { Description = "Server replicas.", HelpName = "N", DefaultValueFactory = _ => 2 };
        var certDays = new Option<int>("--cert-days") { Description = "Validity of the generated CA and serving certificate, in days.", HelpName = "N", DefaultValueFactory = _ => 365 };
        var config = new Option<string?>("--config") { Description = "Guardrail policy config (docs/guardrails.md) to ship as a ConfigMap and serve with.", HelpName = "FILE" };
        var mutate = new Option<string[]>("--mutate")
        {
            Description = "Defaults /mutate adds where absent: seccomp (seccompProfile RuntimeDefault), no-automount (automountServiceAccountToken: false), none. Default: seccomp.",
            HelpName = "seccomp|no-automount|none",
            AllowMultipleArgumentsPerToken = true,
        };
        mutate.AcceptOnlyFromAmong("seccomp", "no-automount", "none");
        var watch = new Option<bool>("--watch-namespaces") { Description = "The server reads namespace labels from the cluster (needs a ClusterRole to watch Namespaces, included).", DefaultValueFactory = _ => true };
        var output = new Option<string?>("--out") { Description = "Write the YAML to this file (mode 0600: it holds a private key) instead of stdout.", HelpName = "FILE" };

        var command = new Command("manifests", "Print everything that installs the admission webhook (webhook configurations, TLS Secret, Deployment, Service) for kubectl apply.")
        {
            ns, service, image, failurePolicy, timeout, replicas, certDays, config, mutate, watch, output,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var mutations = parse.GetValue(mutate) is { Length: > 0 } chosen ? chosen : ["seccomp"];
            var settings = new AdmissionManifestsSettings
            {
                Options = new Server.Install.WebhookInstallOptions
                {
                    Namespace = parse.GetValue(ns)!,
                    Service = parse.GetValue(service)!,
                    Image = parse.GetValue(image)!,
                    FailurePolicy = parse.GetValue(failurePolicy)!,
                    TimeoutSeconds = parse.GetValue(timeout),
                    Replicas = parse.GetValue(replicas),
                    CertificateValidity = TimeSpan.FromDays(Math.Clamp(parse.GetValue(certDays), 0, 36500)),
                    MutateSeccomp = mutations.Contains("seccomp"),
                    MutateNoAutomount = mutations.Contains("no-automount"),
                    WatchNamespaces = parse.GetValue(watch),
                },
                Config = parse.GetValue(config),
                Out = parse.GetValue(output),
                NoneWithOthers = mutations.Contains("none") && mutations.Length > 1,
            };
            return AdmissionManifestsRunner.RunAsync(settings, env, cancellationToken);
        });
        return command;
    }
}
