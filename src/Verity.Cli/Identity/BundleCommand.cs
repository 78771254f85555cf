using System.CommandLine;
using Verity.Identity.Store;

namespace Verity.Cli.Identity;

/// <summary>
/// <c>verity identity bundle [--ca-dir DIR] [-o jwks|pem]</c>: prints the trust domain's bundle — the SPIFFE bundle document
/// (JWK Set with spiffe_sequence and spiffe_refresh_hint) or the PEM trust anchors. Never prints a key. Exit 2 on a bad CA directory.
/// </summary>
internal static class BundleCommand
{
    public static Command Create(CliEnvironment env)
    {
        var caDir = IdentityOptions.CaDir();
        var output = new Option<string>("--output", "-o") { Description = "Bundle format.", DefaultValueFactory = _ => "jwks" };
        output.AcceptOnlyFromAmong("jwks", "pem");
        var command = new Command("bundle", "Print the CA directory's trust bundle (SPIFFE JWKS or PEM).") { caDir, output };
        command.SetAction(parse =>
        {
            var stored = new CaDirectory(parse.GetValue(caDir)!).Load();
            if (!stored.Succeeded)
            {
                foreach (var error in stored.Errors) env.Error.WriteLine($"error: {error}");
                return ExitCodes.BadInput;
            }
            using var ca = stored.Authority;
            var bundle = new CaDirectory(parse.GetValue(caDir)!).LoadBundle(ca.TrustDomain);
            if (!bundle.Succeeded)
            {
                foreach (var error in bundle.Errors) env.Error.WriteLine($"error: bundle: {error}");
                return ExitCodes.BadInput;
            }
            env.Out.Write(parse.GetValue(output) == "pem" ? bundle.Bundle.ToPem() : bundle.Bundle.ToJwks());
            return ExitCodes.Ok;
        });
        return command;
    }
}
