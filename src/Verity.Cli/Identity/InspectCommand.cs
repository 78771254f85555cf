using System.CommandLine;
using Verity.Identity;
using Verity.Identity.Bundles;
using Verity.Identity.Validation;
using Verity.Identity.X509;

namespace Verity.Cli.Identity;

/// <summary>
/// <c>verity identity inspect CERT [--bundle FILE [--trust-domain TD]] [--federated-bundle TD=FILE]... [-o text|json]</c>: checks a
/// certificate (chain, PEM or DER) as an X.509-SVID and prints every rule (docs/identity.md lists them). With bundles (JWKS or
/// PEM) the chain must also verify to the bundle of its own trust domain: <c>--bundle</c> is taken as the SVID's trust domain
/// unless <c>--trust-domain</c> names it; <c>--federated-bundle</c> adds foreign trust domains. Exit 1 when a rule fails, 2 when
/// an input cannot be read, else 0.
/// </summary>
internal static class InspectCommand
{
    public static Command Create(CliEnvironment env)
    {
        var certificate = new Argument<string>("CERT") { Description = "The certificate file: leaf first, then intermediates (PEM), or one DER certificate." };
        var bundle = new Option<string?>("--bundle") { Description = "A trust bundle (SPIFFE JWKS or PEM) the chain must verify to.", HelpName = "FILE" };
        var trustDomain = new Option<string?>("--trust-domain") { Description = "The trust domain the --bundle belongs to (default: the SVID's).", HelpName = "TD" };
        trustDomain.Validators.Add(result =>
        {
            if (!TrustDomain.TryParse(result.Tokens.Count > 0 ? result.Tokens[^1].Value : null, out _, out var error)) result.AddError($"--trust-domain: {error}");
        });
        var federated = new Option<string[]>("--federated-bundle") { Description = "The bundle of another trust domain, as TD=FILE (repeatable).", HelpName = "TD=FILE" };
        federated.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (ParseFederated(token.Value) is { Error: { } error }) result.AddError($"--federated-bundle: {error}");
        });
        var output = new Option<string>("--output", "-o") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");
        var command = new Command("inspect", "Check a certificate as an X.509-SVID, rule by rule; exit 1 if it breaks one.")
        {
            certificate, bundle, trustDomain, federated, output,
        };
        command.SetAction(parse => Run(env, new InspectSettings
        {
            Certificate = parse.GetValue(certificate)!,
            Bundle = parse.GetValue(bundle),
            BundleTrustDomain = parse.GetValue(trustDomain) is { } td ? TrustDomain.Parse(td) : null,
            Federated = (parse.GetValue(federated) ?? []).Select(f => ParseFederated(f)).Select(f => (f.TrustDomain, f.File!)).ToList(),
            Json = parse.GetValue(output) == "json",
        }));
        return command;
    }

    private static (TrustDomain TrustDomain, string? File, string? Error) ParseFederated(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == text.Length - 1) return (default, null, $"expected TD=FILE, not '{text}'");
        return TrustDomain.TryParse(text[..equals], out var td, out var error) ? (td, text[(equals + 1)..], null) : (default, null, error);
    }

    private static int Run(CliEnvironment env, InspectSettings settings)
    {
        if (!IdentityFiles.TryReadBytes(env, settings.Certificate, out var data)) return ExitCodes.BadInput;
        if (!CertificateChains.TryRead(data, out var chain, out var error))
        {
            env.Error.WriteLine($"error: {settings.Certificate}: {error}");
            return ExitCodes.BadInput;
        }
        try
        {
            var report = SvidInspector.Inspect(chain, env.Time);
            if (settings.Bundle is not null || settings.Federated.Count > 0)
            {
                var bundles = BundleSet.Empty;
                foreach (var (td, file) in settings.Federated)
                {
                    if (ReadBundle(env, td, file) is not { } federated) return ExitCodes.BadInput;
                    bundles = bundles.With(federated);
                }
                if (settings.Bundle is not null && (settings.BundleTrustDomain ?? report.Id?.TrustDomain) is { } own)
                {
                    if (ReadBundle(env, own, settings.Bundle) is not { } local) return ExitCodes.BadInput;
                    bundles = bundles.With(local);
                }
                // Without a valid SPIFFE ID the chain rules are skipped and say why.
                report = SvidInspector.Inspect(chain, env.Time, bundles);
            }
            if (settings.Json) InspectJsonRenderer.Write(env.Out, settings.Certificate, chain, report);
            else InspectTextRenderer.Write(env.Out, settings.Certificate, chain, report);
            return report.IsValid ? ExitCodes.Ok : ExitCodes.Failed;
        }
        finally
        {
            foreach (var c in chain) c.Dispose();
        }
    }

    private static TrustBundle? ReadBundle(CliEnvironment env, TrustDomain trustDomain, string file)
    {
        if (!IdentityFiles.TryRead(env, file, out var text)) return null;
        var parsed = BundleParser.Parse(trustDomain, text);
        if (!parsed.Succeeded)
        {
            foreach (var problem in parsed.Errors) env.Error.WriteLine($"error: {file}: {problem}");
            return null;
        }
        foreach (var warning in parsed.Warnings) env.Error.WriteLine($"warning: {file}: {warning}");
        return parsed.Bundle;
    }
}
