using System.CommandLine;
using Verity.Identity;
using Verity.Identity.Store;
using Verity.Identity.X509;

namespace Verity.Cli.Identity;

/// <summary>
/// <c>verity identity ca init --trust-domain TD [--ca-dir DIR] [--upstream-cert F --upstream-key F] [--ca-ttl 24h] [--leaf-ttl 1h]
/// [--no-name-constraints] [--force]</c>: makes a self-signed root CA, or an intermediate signed by an upstream CA, and writes the
/// CA directory. Exit 2 on bad flags, a CA TTL under 6× the leaf TTL, an unusable upstream, or an existing CA without --force.
/// </summary>
internal static class CaInitCommand
{
    public static Command Create(CliEnvironment env)
    {
        var trustDomain = new Option<string>("--trust-domain") { Description = "The trust domain, e.g. example.org.", HelpName = "TD", Required = true };
        trustDomain.Validators.Add(result =>
        {
            if (!TrustDomain.TryParse(result.Tokens.Count > 0 ? result.Tokens[^1].Value : null, out _, out var error)) result.AddError($"--trust-domain: {error}");
        });
        var caDir = IdentityOptions.CaDir();
        var upstreamCert = new Option<string?>("--upstream-cert") { Description = "PEM certificate (optionally followed by its chain) of an upstream CA that signs this CA.", HelpName = "FILE" };
        var upstreamKey = new Option<string?>("--upstream-key") { Description = "PEM private key of the upstream CA (read, never stored).", HelpName = "FILE" };
        var caTtl = IdentityOptions.Duration("--ca-ttl", "Lifetime of the CA (default 24h); at least 6× --leaf-ttl.");
        var leafTtl = IdentityOptions.Duration("--leaf-ttl", "Default lifetime of issued X.509-SVIDs (default 1h).");
        var noNameConstraints = new Option<bool>("--no-name-constraints") { Description = "Do not restrict the CA to URIs of its trust domain (name constraints)." };
        var force = new Option<bool>("--force") { Description = "Replace a CA already in --ca-dir." };

        var command = new Command("init", "Create a CA (self-signed root, or intermediate under --upstream-cert/--upstream-key) in a CA directory.")
        {
            trustDomain, caDir, upstreamCert, upstreamKey, caTtl, leafTtl, noNameConstraints, force,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(upstreamCert) is null) != (result.GetResult(upstreamKey) is null))
                result.AddError("--upstream-cert and --upstream-key go together: pass both or neither.");
        });
        command.SetAction(parse =>
        {
            var options = new CaOptions
            {
                TrustDomain = TrustDomain.Parse(parse.GetValue(trustDomain)!),
                CaTtl = IdentityOptions.ParseDuration(parse.GetValue(caTtl)) ?? CaOptions.DefaultCaTtl,
                LeafTtl = IdentityOptions.ParseDuration(parse.GetValue(leafTtl)) ?? CaOptions.DefaultLeafTtl,
                NameConstraints = !parse.GetValue(noNameConstraints),
            };
            return Run(env, options, parse.GetValue(caDir)!, parse.GetValue(upstreamCert), parse.GetValue(upstreamKey), parse.GetValue(force));
        });
        return command;
    }

    private static int Run(CliEnvironment env, CaOptions options, string dir, string? upstreamCertFile, string? upstreamKeyFile, bool force)
    {
        var store = new CaDirectory(dir);
        if (store.HasCa && !force)
        {
            env.Error.WriteLine($"error: {dir} already holds a CA ({CaDirectory.CertificateFile}/{CaDirectory.KeyFile}); pass --force to replace it");
            return ExitCodes.BadInput;
        }
        var problems = options.Validate();
        if (problems.Count > 0) return Errors(env, problems);
        CaResult result;
        if (upstreamCertFile is not null && upstreamKeyFile is not null)
        {
            if (!IdentityFiles.TryRead(env, upstreamCertFile, out var certPem) || !IdentityFiles.TryRead(env, upstreamKeyFile, out var keyPem)) return ExitCodes.BadInput;
            var upstream = CertificateAuthorities.LoadUpstream(certPem, keyPem);
            if (!upstream.Succeeded) return Errors(env, upstream.Errors.Select(e => $"upstream CA {upstreamCertFile}: {e}").ToList());
            using var authority = upstream.Authority;
            result = CertificateAuthorities.CreateIntermediate(options, authority, env.Time);
        }
        else result = CertificateAuthorities.CreateRoot(options, env.Time);
        if (!result.Succeeded) return Errors(env, result.Errors);
        using var ca = result.Authority;
        try
        {
            store.Save(ca, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            env.Error.WriteLine($"error: cannot write CA directory {dir}: {e.Message}");
            return ExitCodes.BadInput;
        }
        var kind = ca.IsRoot ? "self-signed root CA" : $"intermediate CA under \"{ca.Certificate.Issuer}\"";
        env.Out.WriteLine($"Created {kind} for spiffe://{options.TrustDomain} in {dir}");
        env.Out.WriteLine($"  valid {ca.NotBefore:u} to {ca.NotAfter:u}; X.509-SVIDs default to {GoDuration.Format(options.LeafTtl)}");
        env.Out.WriteLine($"  wrote {CaDirectory.CertificateFile}, {CaDirectory.KeyFile} (0600), {CaDirectory.BundlePemFile}, {CaDirectory.BundleJwksFile}, {CaDirectory.ConfigFile}");
        return ExitCodes.Ok;
    }

    private static int Errors(CliEnvironment env, IReadOnlyList<string> errors)
    {
        foreach (var error in errors) env.Error.WriteLine($"error: {error}");
        return ExitCodes.BadInput;
    }
}
