using System.CommandLine;
using System.Globalization;
using System.Net;
using Verity.Admission.Pss;
using Verity.Server.Admission;

namespace Verity.Cli.Serve;

/// <summary>
/// <c>verity serve --admission --tls-cert FILE --tls-key FILE [--listen ADDR:PORT] [--enforce LEVEL[:VERSION]] [--warn …]
/// [--audit …] [--namespaces PATH]... | [--watch-namespaces [--kubeconfig F] [--context C]] [--config FILE] [--policies PATH]... [--mutate-seccomp] [--mutate-no-automount] [--max-body-bytes N] [--timeout-ms N]</c> (docs/webhook.md):
/// the admission webhook over HTTPS until Ctrl+C. Exit 2 on bad flags or an unreadable certificate or key.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliEnvironment env)
    {
        var admission = new Option<bool>("--admission") { Description = "Serve the validating and mutating admission webhook (/validate, /mutate)." };
        var cert = new Option<string?>("--tls-cert") { Description = "PEM file with the serving certificate (and its chain).", HelpName = "FILE" };
        var key = new Option<string?>("--tls-key") { Description = "PEM file with the certificate's private key.", HelpName = "FILE" };
        var listen = new Option<string>("--listen")
        {
            Description = "Address and port to listen on ([::]:8443 for IPv6).",
            HelpName = "ADDR:PORT",
            DefaultValueFactory = _ => "0.0.0.0:8443",
        };
        listen.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0) return;
            var text = result.Tokens[^1].Value;
            if (!IPEndPoint.TryParse(text, out var endpoint) || !text.Contains(':', StringComparison.Ordinal) || endpoint.Port is < 0 or > 65535)
                result.AddError($"--listen must be ADDR:PORT with an IP address (e.g. 0.0.0.0:8443, 127.0.0.1:9443, [::]:8443), not '{text}'.");
        });
        var enforce = PolicyOption("--enforce", "baseline", "Reject pods and workloads that violate this Pod Security level");
        var warn = PolicyOption("--warn", "restricted", "Warn the client about violations of this level");
        var audit = PolicyOption("--audit", "restricted", "Add an audit annotation for violations of this level");
        var namespaces = new Option<string[]>("--namespaces")
        {
            Description = "Manifests (file or directory, repeatable) with Namespace objects: their pod-security.kubernetes.io labels override --enforce/--warn/--audit per namespace, as Pod Security Admission reads them. Read once at start.",
            HelpName = "PATH",
        };
        var watchNamespaces = new Option<bool>("--watch-namespaces")
        {
            Description = "Read namespace labels from the live cluster and keep them current (list + watch; needs get/list/watch on namespaces). /readyz answers 503 until the first list is read.",
        };
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "With --watch-namespaces: the kubeconfig (default: $KUBECONFIG, ~/.kube/config, else the in-cluster service account).", HelpName = "FILE" };
        var context = new Option<string?>("--context") { Description = "With --watch-namespaces: the kubeconfig context (default: current-context).", HelpName = "NAME" };
        var policies = new Option<string[]>("--policies")
        {
            Description = "Manifests (file or directory, repeatable) with ValidatingAdmissionPolicies, their bindings and params objects, judged on every request after Pod Security and the guardrails (docs/vap.md). Read once at start.",
            HelpName = "PATH",
        };
        var config = new Option<string?>("--config")
        {
            Description = "Guardrail policy config (kind: PolicyConfig, docs/guardrails.md) judged next to Pod Security. Without it every guardrail audits.",
            HelpName = "FILE",
        };
        var exemptNamespaces = new Option<string[]>("--exempt-namespace") { Description = "Pod Security does not evaluate requests in this namespace (PSA exemption; repeatable). Guardrails and admission policies still do.", HelpName = "NS" };
        var exemptUsers = new Option<string[]>("--exempt-user") { Description = "Pod Security does not evaluate requests by this authenticated username (PSA exemption; repeatable).", HelpName = "NAME" };
        var exemptRuntimeClasses = new Option<string[]>("--exempt-runtime-class") { Description = "Pod Security does not evaluate pods with this runtimeClassName (PSA exemption; repeatable).", HelpName = "NAME" };
        var seccomp = new Option<bool>("--mutate-seccomp") { Description = "/mutate adds pod securityContext.seccompProfile.type=RuntimeDefault when absent." };
        var noAutomount = new Option<bool>("--mutate-no-automount") { Description = "/mutate adds automountServiceAccountToken: false when absent." };
        var maxBody = new Option<long>("--max-body-bytes") { Description = "Largest AdmissionReview accepted (413 above).", HelpName = "N", DefaultValueFactory = _ => 3 * 1024 * 1024 };
        var timeout = new Option<int>("--timeout-ms") { Description = "Time budget per request; a decision not made in time is a denial.", HelpName = "N", DefaultValueFactory = _ => 5000 };
        foreach (var number in new Option[] { maxBody, timeout })
        {
            number.Validators.Add(result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "1";
                if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
                    result.AddError($"{result.Option.Name} must be a positive whole number, not '{text}'.");
            });
        }

        var command = new Command("serve", "Run Verity's server: the Pod Security admission webhook over HTTPS (with /healthz, /readyz, /metrics), until Ctrl+C.")
        {
            admission, cert, key, listen, enforce, warn, audit, namespaces, watchNamespaces, kubeconfig, context, config, policies, exemptNamespaces, exemptUsers, exemptRuntimeClasses, seccomp, noAutomount, maxBody, timeout,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(admission) is null)
                result.AddError("nothing to serve: pass --admission (the admission webhook is the only server so far).");
            else if (result.GetResult(cert) is null || result.GetResult(key) is null)
                result.AddError("--admission needs --tls-cert FILE and --tls-key FILE: the API server only calls webhooks over HTTPS.");
            if (result.GetResult(watchNamespaces) is not null && result.GetValue(watchNamespaces) && result.GetResult(namespaces) is not null)
                result.AddError("pass either --namespaces (labels from files) or --watch-namespaces (labels from the cluster), not both.");
            if ((result.GetResult(kubeconfig) is not null || result.GetResult(context) is not null) && !result.GetValue(watchNamespaces))
                result.AddError("--kubeconfig and --context only apply with --watch-namespaces.");
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = new ServeSettings
            {
                Listen = IPEndPoint.Parse(parse.GetValue(listen)!),
                CertificateFile = parse.GetValue(cert)!,
                KeyFile = parse.GetValue(key)!,
                Admission = new AdmissionConfig
                {
                    Enforce = Policy(parse.GetValue(enforce)),
                    Warn = Policy(parse.GetValue(warn)),
                    Audit = Policy(parse.GetValue(audit)),
                    Exemptions = new PssExemptions
                    {
                        Namespaces = (parse.GetValue(exemptNamespaces) ?? []).ToHashSet(StringComparer.Ordinal),
                        Usernames = (parse.GetValue(exemptUsers) ?? []).ToHashSet(StringComparer.Ordinal),
                        RuntimeClasses = (parse.GetValue(exemptRuntimeClasses) ?? []).ToHashSet(StringComparer.Ordinal),
                    },
                    Mutation = new MutationConfig { SeccompRuntimeDefault = parse.GetValue(seccomp), DisableServiceAccountTokenAutomount = parse.GetValue(noAutomount) },
                },
                NamespaceFiles = parse.GetValue(namespaces) ?? [],
                PolicyFiles = parse.GetValue(policies) ?? [],
                ConfigFile = parse.GetValue(config),
                WatchNamespaces = parse.GetValue(watchNamespaces),
                Cluster = new Verity.Kube.LiveClusterOptions { Kubeconfig = parse.GetValue(kubeconfig), Context = parse.GetValue(context) },
                MaxRequestBodyBytes = parse.GetValue(maxBody),
                RequestTimeout = TimeSpan.FromMilliseconds(parse.GetValue(timeout)),
            };
            return ServeRunner.RunAsync(settings, env, cancellationToken);
        });
        return command;
    }

    private static Option<string> PolicyOption(string name, string defaultLevel, string description)
    {
        var option = new Option<string>(name)
        {
            Description = $"{description} (privileged turns it off).",
            HelpName = "LEVEL[:VERSION]",
            DefaultValueFactory = _ => defaultLevel + ":latest",
        };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0) return;
            var text = result.Tokens[^1].Value;
            if (!PolicyArgument.TryParse(text, out _, out var error)) result.AddError($"{name}: {error}.");
        });
        return option;
    }

    private static PssLevelVersion Policy(string? text) => PolicyArgument.TryParse(text, out var policy, out _) ? policy : PssLevelVersion.PrivilegedLatest;
}
