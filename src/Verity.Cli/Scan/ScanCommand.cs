using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
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
        var files = new Option<string[]>("--filename", "-f")
        {
            Description = "A manifest file, a directory (recursive: .yaml, .yml, .json) or - for stdin. Repeatable.",
            HelpName = "PATH",
        };
        var ns = new Option<string?>("--namespace", "-n")
        {
            Description = "Namespace for objects written without one (like kubectl); with a live cluster, the only namespace read.",
            HelpName = "NAME",
        };
        var kubeconfig = new Option<string?>("--kubeconfig")
        {
            Description = "Read a live cluster with this kubeconfig (default: $KUBECONFIG, else ~/.kube/config).",
            HelpName = "FILE",
        };
        var context = new Option<string?>("--context")
        {
            Description = "The kubeconfig context to use (default: current-context).",
            HelpName = "NAME",
        };
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

        var command = new Command("scan", "Score the Zero Trust posture of manifests or a live cluster, with findings that say how to fix them.")
        {
            files, ns, kubeconfig, context, output, noColor, failUnder,
        };
        command.Validators.Add(result =>
        {
            // Presence only: converting values here would throw on a value that failed to parse.
            if (result.GetResult(files) is not null && (result.GetResult(kubeconfig) is not null || result.GetResult(context) is not null))
                result.AddError("pass either -f/--filename or --kubeconfig/--context, not both.");
        });
        command.SetAction((parse, cancellationToken) => ScanRunner.RunAsync(new ScanSettings
        {
            Files = parse.GetValue(files) ?? [],
            Namespace = parse.GetValue(ns),
            Kubeconfig = parse.GetValue(kubeconfig),
            Context = parse.GetValue(context),
            Output = parse.GetValue(output) == "json" ? OutputFormat.Json : OutputFormat.Table,
            NoColor = parse.GetValue(noColor),
            FailUnder = parse.GetValue(failUnder),
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
