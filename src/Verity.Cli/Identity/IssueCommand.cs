using System.CommandLine;
using Verity.Identity;
using Verity.Identity.Store;
using Verity.Identity.X509;

namespace Verity.Cli.Identity;

/// <summary>
/// <c>verity identity issue (--spiffe-id ID | --service-account NS/SA) --out DIR [--ca-dir DIR] [--ttl 1h] [--dns NAME]...</c>: signs an
/// X.509-SVID (for <c>--service-account</c>, the Kubernetes convention <c>spiffe://TD/ns/NS/sa/SA</c> in the CA's trust domain) with the
/// CA of the CA directory and writes <c>svid.crt</c> (leaf, then intermediates), <c>svid.key</c> (0600) and <c>bundle.crt</c>.
/// A TTL past the CA's end is clamped to it, with a warning. Exit 2 on bad input or a refused request.
/// </summary>
internal static class IssueCommand
{
    public static Command Create(CliEnvironment env)
    {
        var caDir = IdentityOptions.CaDir();
        var spiffeId = new Option<string?>("--spiffe-id") { Description = "The workload's SPIFFE ID, e.g. spiffe://example.org/ns/default/sa/web.", HelpName = "ID" };
        spiffeId.Validators.Add(result =>
        {
            if (!SpiffeId.TryParse(result.Tokens.Count > 0 ? result.Tokens[^1].Value : null, out _, out var error)) result.AddError($"--spiffe-id: {error}");
        });
        var serviceAccount = new Option<string?>("--service-account")
        {
            Description = "A Kubernetes service account as NAMESPACE/NAME: the ID is spiffe://<CA trust domain>/ns/NAMESPACE/sa/NAME.",
            HelpName = "NS/SA",
        };
        serviceAccount.Validators.Add(result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (text.Split('/') is not [{ Length: > 0 }, { Length: > 0 }]) result.AddError($"--service-account: expected NAMESPACE/NAME, not '{text}'");
        });
        var ttl = IdentityOptions.Duration("--ttl", "Lifetime of the SVID (default: the CA's leaf TTL, 1h unless set at init).");
        var dns = new Option<string[]>("--dns") { Description = "Also add this DNS name as a SAN (repeatable).", HelpName = "NAME", AllowMultipleArgumentsPerToken = false };
        var output = new Option<string>("--out") { Description = "Directory to write svid.crt, svid.key and bundle.crt to.", HelpName = "DIR", Required = true };
        var command = new Command("issue", "Issue an X.509-SVID for a SPIFFE ID from the CA directory's CA.") { caDir, spiffeId, serviceAccount, ttl, dns, output };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(spiffeId) is null) == (result.GetResult(serviceAccount) is null))
                result.AddError("pass exactly one of --spiffe-id and --service-account.");
        });
        command.SetAction(parse => Run(env, parse.GetValue(caDir)!, parse.GetValue(spiffeId), parse.GetValue(serviceAccount),
            IdentityOptions.ParseDuration(parse.GetValue(ttl)), parse.GetValue(dns) ?? [], parse.GetValue(output)!));
        return command;
    }

    private static int Run(CliEnvironment env, string dir, string? spiffeId, string? serviceAccount, TimeSpan? ttl, string[] dnsNames, string outDir)
    {
        var stored = new CaDirectory(dir).Load();
        if (!stored.Succeeded)
        {
            foreach (var error in stored.Errors) env.Error.WriteLine($"error: {error}");
            return ExitCodes.BadInput;
        }
        using var ca = stored.Authority;
        SpiffeId id;
        if (spiffeId is not null) id = SpiffeId.Parse(spiffeId);
        else
        {
            var parts = serviceAccount!.Split('/'); // two non-empty parts, checked at parse time
            if (!SpiffeId.TryForServiceAccount(ca.TrustDomain, parts[0], parts[1], out id, out var k8sError))
            {
                env.Error.WriteLine($"error: --service-account: {k8sError}");
                return ExitCodes.BadInput;
            }
        }
        var issuance = SvidIssuer.Issue(ca, new SvidRequest { Id = id, Ttl = ttl, DnsNames = dnsNames }, stored.Options.LeafTtl, env.Time);
        if (!issuance.Succeeded)
        {
            env.Error.WriteLine($"error: {issuance.Error}");
            return ExitCodes.BadInput;
        }
        using var svid = issuance.Svid;
        if (issuance.Clamped)
            env.Error.WriteLine($"warning: the requested lifetime would outlive the CA; the SVID expires with the CA at {svid.NotAfter:u}");
        try
        {
            CaDirectory.WriteSvid(outDir, svid, CaDirectory.BundleOf(ca));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            env.Error.WriteLine($"error: cannot write {outDir}: {e.Message}");
            return ExitCodes.BadInput;
        }
        env.Out.WriteLine($"Issued X.509-SVID for {id}");
        env.Out.WriteLine($"  valid {svid.NotBefore:u} to {svid.NotAfter:u}, serial {svid.Leaf.SerialNumber.ToLowerInvariant()}");
        env.Out.WriteLine($"  wrote {Path.Combine(outDir, CaDirectory.SvidCertificateFile)} ({svid.Chain.Count} certificate(s)), {CaDirectory.SvidKeyFile} (0600), {CaDirectory.BundlePemFile}");
        return ExitCodes.Ok;
    }
}
