using System.CommandLine;

namespace Verity.Cli.Rbac;

/// <summary>
/// <c>verity rbac diff -f BEFORE... --against AFTER... [-o json]</c>: permissions each subject gains and loses with a
/// change; exit 1 when anyone gains anything (a CI gate), else 0; 2 on bad usage or when either input had errors (after
/// the diff). BEFORE may also be a live cluster (<c>--kubeconfig/--context</c>).
/// </summary>
internal static class RbacDiffCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = new RbacCommonOptions();
        var against = new Option<string[]>("--against")
        {
            Description = "The input after the change: a file, a directory (recursive) or - for stdin. Repeatable.",
            HelpName = "PATH",
            Required = true,
        };
        var command = new Command("diff", "Permissions gained and lost per subject between two inputs; exit 1 when any are gained.");
        common.AddTo(command);
        command.Options.Add(against);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = common.Read(parse);
            var after = settings.Input with { Files = parse.GetValue(against) ?? [], Kubeconfig = null, Context = null };
            return RbacDiffRunner.RunAsync(settings, after, env, cancellationToken);
        });
        return command;
    }
}
