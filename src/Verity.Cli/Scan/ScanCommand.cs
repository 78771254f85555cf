using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Verity.Cli.Input;
using Verity.Cli.Output;

namespace Verity.Cli.Scan;

/// <summary>
/// <c>verity scan</c>: the posture scorecard of manifests (<c>-f</c>) or of a live cluster
/// (<c>--kubeconfig/--context</c>, or the current kubeconfig context when no <c>-f</c> is given, like kubectl).
/// This file only declares options and hands them to <see cref="ScanRunner"/>.
/// </summary>
internal static class ScanCommand
{
    public static Command Create(CliEnvironment env)
    {
        var input = new InputOptions();
        var output = new Option<string>("--output", "-o")
        {
            Description = "Output format.",
            DefaultValueFactory = _ => "table",
        };
        output.AcceptOnlyFromAmong("table", "json");
        var noColor = new Option<bool>("--no-color")
        {
            Description = "Never colour the output (colour is used only when stdout is a terminal; NO_COLOR is honoured).",
        };
        var failUnder = new Option<int?>("--fail-under")
        {
            Description = "Exit 1 when the overall score (0-100) is below N.",
            HelpName = "N",
        };
        failUnder.CustomParser = Percent;
        var flows = new Option<string[]>("--flows")
        {
            Description = "Observed flows (Hubble JSON or CSV, optionally gzip-compressed, - for stdin) to audit: adds the observed connections current policies deny and what a default-deny per namespace would break. Repeatable.",
            HelpName = "FILE",
        };

        var config = new Option<string>("--config")
        {
            Description = "A guardrail policy config (docs/guardrails.md): adds what admission would deny, warn and audit, per namespace. Not scored.",
            HelpName = "FILE",
        };
        var trustDomain = new Option<string>("--trust-domain")
        {
            Description = "The SPIFFE trust domain of the workload identity section (spiffe://TD/ns/NS/sa/SA).",
            HelpName = "TD",
            DefaultValueFactory = _ => "cluster.local",
        };
        trustDomain.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0) return;
            var text = result.Tokens[^1].Value;
            if (!Verity.Identity.TrustDomain.TryParse(text, out _, out var error)) result.AddError($"--trust-domain: {error}");
        });
        var command = new Command("scan", "Score the Zero Trust posture of manifests or a live cluster, with findings that say how to fix them.");
        input.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(noColor);
        command.Options.Add(failUnder);
        command.Options.Add(flows);
        command.Options.Add(config);
        command.Options.Add(trustDomain);
        command.SetAction((parse, cancellationToken) => ScanRunner.RunAsync(new ScanSettings
        {
            Input = input.Read(parse),
            Output = parse.GetValue(output) == "json" ? OutputFormat.Json : OutputFormat.Table,
            NoColor = parse.GetValue(noColor),
            FailUnder = parse.GetValue(failUnder),
            Flows = parse.GetValue(flows) ?? [],
            Config = parse.GetValue(config),
            TrustDomain = Verity.Identity.TrustDomain.Parse(parse.GetValue(trustDomain)!),
        }, env, cancellationToken));
        return command;
    }

    /// <summary>
    /// Parses a 0–100 score, reporting a bad value as a parse error (exit 2). A custom parser, not a validator:
    /// a validator that reads the value would throw on text that is not a number.
    /// </summary>
    private static int? Percent(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 100) return value;
        result.AddError($"--fail-under must be a whole number from 0 to 100, not '{text}'.");
        return null;
    }
}
