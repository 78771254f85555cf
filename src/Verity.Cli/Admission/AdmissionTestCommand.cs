using System.CommandLine;
using Verity.Cli.Input;

namespace Verity.Cli.Admission;

/// <summary>
/// <c>verity admission test -f PATH... [--config FILE] [--operation CREATE|UPDATE|DELETE] [--old PATH] [-o
/// table|json|sarif|junit]</c> (docs/admission.md): every Pod, workload, Service and Namespace judged as if it were being
/// admitted. Exit 1 when any would be denied, 2 on bad usage, input or config (after printing the results), else 0.
/// </summary>
internal static class AdmissionTestCommand
{
    public static Command Create(CliEnvironment env)
    {
        var input = new InputOptions();
        var config = new Option<string?>("--config")
        {
            Description = "The guardrail policy config (docs/guardrails.md). Default: every guardrail audits (VG-IMG-003 off).",
            HelpName = "FILE",
        };
        var operation = new Option<string>("--operation")
        {
            Description = "The operation to judge the objects as. DELETE evaluates nothing and allows everything.",
            HelpName = "CREATE|UPDATE|DELETE",
            DefaultValueFactory = _ => "CREATE",
        };
        operation.AcceptOnlyFromAmong("CREATE", "UPDATE", "DELETE");
        var old = new Option<string?>("--old")
        {
            Description = "With --operation UPDATE: the objects as they are now (file or directory), matched by kind, namespace and name.",
            HelpName = "PATH",
        };
        var output = new Option<string>("--output", "-o") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json", "sarif", "junit");

        var command = new Command("test", "Judge manifests as if they were being admitted (Pod Security Admission and guardrails); exit 1 if any would be denied.");
        input.AddTo(command);
        command.Options.Add(config);
        command.Options.Add(operation);
        command.Options.Add(old);
        command.Options.Add(output);
        command.Validators.Add(result =>
        {
            if (result.GetResult(old) is not null && result.GetValue(operation) != "UPDATE")
                result.AddError("--old needs --operation UPDATE.");
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = new AdmissionTestSettings
            {
                Input = input.Read(parse),
                Config = parse.GetValue(config),
                Operation = Enum.Parse<AdmissionOperation>(parse.GetValue(operation) ?? "CREATE", ignoreCase: true),
                Old = parse.GetValue(old),
                Output = Enum.Parse<AdmissionOutput>(parse.GetValue(output) ?? "table", ignoreCase: true),
            };
            return AdmissionTestRunner.RunAsync(settings, env, cancellationToken);
        });
        return command;
    }
}
