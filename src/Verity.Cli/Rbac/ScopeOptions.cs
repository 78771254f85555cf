using System.CommandLine;

namespace Verity.Cli.Rbac;

/// <summary>
/// kubectl's <c>-n/--namespace NS</c> and <c>-A/--all-namespaces</c> for a question: the namespace asked about,
/// <c>default</c> when neither is given (kubectl with no namespace in its context), and the empty namespace — cluster
/// scope, which only ClusterRoleBindings grant — with <c>-A</c> (which wins over <c>-n</c>, as in kubectl).
/// </summary>
internal sealed class ScopeOptions
{
    public Option<string?> Namespace { get; } = new("--namespace", "-n")
    {
        Description = "The namespace asked about (default: default).",
        HelpName = "NAME",
    };

    public Option<bool> AllNamespaces { get; } = new("--all-namespaces", "-A")
    {
        Description = "Ask with no namespace: what holds in every namespace (cluster scope, granted by ClusterRoleBindings only).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Namespace);
        command.Options.Add(AllNamespaces);
    }

    /// <summary>The namespace asked about; "" for <c>-A</c>.</summary>
    public string Read(ParseResult parse) => parse.GetValue(AllNamespaces) ? "" : parse.GetValue(Namespace) ?? "default";
}
