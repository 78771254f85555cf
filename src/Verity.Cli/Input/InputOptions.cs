using System.CommandLine;

namespace Verity.Cli.Input;

/// <summary>
/// The input options every command that reads a cluster shares, as kubectl spells them: <c>-f/--filename</c>
/// (repeatable), <c>-n/--namespace</c>, <c>--kubeconfig</c>, <c>--context</c>; and the rule that <c>-f</c> and a
/// live cluster exclude each other. A command whose <c>-n</c> means something else (e.g. a filter) leaves it out
/// with <c>withNamespace: false</c> and declares its own.
/// </summary>
internal sealed class InputOptions
{
    public Option<string[]> Files { get; } = new("--filename", "-f")
    {
        Description = "A manifest file, a directory (recursive: .yaml, .yml, .json) or - for stdin. Repeatable.",
        HelpName = "PATH",
    };

    public Option<string?>? Namespace { get; }

    public Option<string?> Kubeconfig { get; } = new("--kubeconfig")
    {
        Description = "Read a live cluster with this kubeconfig (default: $KUBECONFIG, else ~/.kube/config).",
        HelpName = "FILE",
    };

    public Option<string?> Context { get; } = new("--context")
    {
        Description = "The kubeconfig context to use (default: current-context).",
        HelpName = "NAME",
    };

    public InputOptions(bool withNamespace = true)
    {
        if (withNamespace)
        {
            Namespace = new Option<string?>("--namespace", "-n")
            {
                Description = "Namespace for objects written without one (like kubectl); with a live cluster, the only namespace read.",
                HelpName = "NAME",
            };
        }
    }

    /// <summary>Adds the options (in help order) and the "-f or a live cluster, not both" rule to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Files);
        if (Namespace is not null) command.Options.Add(Namespace);
        command.Options.Add(Kubeconfig);
        command.Options.Add(Context);
        command.Validators.Add(result =>
        {
            // Presence only: converting values here would throw on a value that failed to parse.
            if (result.GetResult(Files) is not null && (result.GetResult(Kubeconfig) is not null || result.GetResult(Context) is not null))
                result.AddError("pass either -f/--filename or --kubeconfig/--context, not both.");
        });
    }

    public InputSettings Read(ParseResult parse) => new()
    {
        Files = parse.GetValue(Files) ?? [],
        Namespace = Namespace is null ? null : parse.GetValue(Namespace),
        Kubeconfig = parse.GetValue(Kubeconfig),
        Context = parse.GetValue(Context),
    };
}
