using System.CommandLine;
using Verity.Admission.Pss;
using Verity.Cli.Input;
using Verity.Cli.Output;

namespace Verity.Cli.Pss;

/// <summary>
/// <c>verity pss check [--level L [--version V]] [--default-level L] [--default-version V] [-f PATH... | --kubeconfig FILE]
/// [-n NS] [-o table|json]</c> (docs/pss.md): a verdict for every Pod and workload pod template. Exit 1 when any is denied,
/// 2 on bad usage or input errors (after reporting), else 0.
/// </summary>
internal static class PssCheckCommand
{
    private static readonly string[] Levels = ["privileged", "baseline", "restricted"];

    public static Command Create(CliEnvironment env)
    {
        var input = new InputOptions();
        var level = new Option<string?>("--level")
        {
            Description = "Judge every pod at this level, whatever its namespace labels say (default: each namespace's pod-security.kubernetes.io/enforce label).",
            HelpName = "baseline|restricted",
        };
        level.AcceptOnlyFromAmong(Levels);
        var version = new Option<string?>("--version")
        {
            Description = "The policy version for --level (default: latest = v1.37). A version newer than v1.37 is judged as v1.37.",
            HelpName = "v1.N|latest",
        };
        var defaultLevel = new Option<string?>("--default-level")
        {
            Description = "The enforce level of namespaces without the enforce label (PSA's admission configuration default; default: privileged).",
            HelpName = "LEVEL",
        };
        defaultLevel.AcceptOnlyFromAmong(Levels);
        var defaultVersion = new Option<string?>("--default-version")
        {
            Description = "The enforce version of namespaces without the enforce-version label (default: latest).",
            HelpName = "v1.N|latest",
        };
        foreach (var v in new[] { version, defaultVersion })
        {
            v.Validators.Add(result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
                if (!PssVersion.TryParse(text, out _)) result.AddError($"{result.Option.Name} must be \"latest\" or \"v1.N\" (e.g. v1.30), not '{text}'.");
            });
        }
        var output = new Option<string>("--output", "-o") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json");

        var command = new Command("check", "Judge every Pod and workload pod template against the Pod Security Standards; exit 1 if any is denied.");
        input.AddTo(command);
        command.Options.Add(level);
        command.Options.Add(version);
        command.Options.Add(defaultLevel);
        command.Options.Add(defaultVersion);
        command.Options.Add(output);
        command.Validators.Add(result =>
        {
            if (result.GetResult(version) is not null && result.GetResult(level) is null)
                result.AddError("--version needs --level; without --level each namespace's enforce-version label gives the version.");
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = new PssCheckSettings
            {
                Input = input.Read(parse),
                Enforce = parse.GetValue(level) is { } l ? new PssLevelVersion(ParseLevel(l), ParseVersion(parse.GetValue(version))) : null,
                Defaults = PssPolicy.Privileged with
                {
                    Enforce = new PssLevelVersion(ParseLevel(parse.GetValue(defaultLevel) ?? "privileged"), ParseVersion(parse.GetValue(defaultVersion))),
                },
                Output = parse.GetValue(output) == "json" ? OutputFormat.Json : OutputFormat.Table,
            };
            return PssCheckRunner.RunAsync(settings, env, cancellationToken);
        });
        return command;
    }

    private static PssLevel ParseLevel(string text) => PssLevels.TryParse(text, out var level) ? level : PssLevel.Privileged;

    private static PssVersion ParseVersion(string? text) => PssVersion.TryParse(text, out var version) ? version : PssVersion.Latest;
}
