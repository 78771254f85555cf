using System.CommandLine;
using Verity.Identity;

namespace Verity.Cli.Identity;

/// <summary>Options shared by the identity commands: the CA directory and Go-style durations (validated at parse time, exit 2).</summary>
internal static class IdentityOptions
{
    public const string DefaultCaDir = "./verity-ca";

    public static Option<string> CaDir() => new("--ca-dir")
    {
        Description = "The directory holding the CA (ca.crt, ca.key, bundle.crt, bundle.jwks.json, ca.json).",
        HelpName = "DIR",
        DefaultValueFactory = _ => DefaultCaDir,
    };

    /// <summary>A duration option such as <c>--ttl 1h</c>; the text is checked with <see cref="GoDuration"/>.</summary>
    public static Option<string?> Duration(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description, HelpName = "DURATION" };
        option.Validators.Add(result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            if (!GoDuration.TryParse(text, out _, out var error)) result.AddError($"{name}: {error}");
        });
        return option;
    }

    public static TimeSpan? ParseDuration(string? text) => GoDuration.TryParse(text, out var value, out _) ? value : null;
}
