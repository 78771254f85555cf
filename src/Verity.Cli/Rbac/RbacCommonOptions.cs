using System.CommandLine;
using Verity.Cli.Input;
using Verity.Cli.Output;

namespace Verity.Cli.Rbac;

/// <summary>
/// The options every <c>verity rbac</c> query shares: the input (<c>-f</c>, <c>--kubeconfig</c>, <c>--context</c>;
/// <c>-n</c> is the namespace asked about, declared by each command, so a live cluster is always read whole),
/// <c>--include-defaults</c> and <c>-o table|json</c>.
/// </summary>
internal sealed class RbacCommonOptions
{
    public InputOptions Input { get; } = new(withNamespace: false);

    public Option<bool> IncludeDefaults { get; } = new("--include-defaults")
    {
        Description = "Also count the discovery ClusterRoleBindings every cluster has (system:discovery, system:basic-user, "
            + "system:public-info-viewer); by default they are ignored so answers show what the cluster's owners granted.",
    };

    public Option<string> Output { get; }

    public RbacCommonOptions()
    {
        Output = new Option<string>("--output", "-o") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        Output.AcceptOnlyFromAmong("table", "json");
    }

    public void AddTo(Command command)
    {
        Input.AddTo(command);
        command.Options.Add(IncludeDefaults);
        command.Options.Add(Output);
    }

    public RbacSettings Read(ParseResult parse) => new()
    {
        Input = Input.Read(parse),
        IncludeDefaults = parse.GetValue(IncludeDefaults),
        Output = parse.GetValue(Output) == "json" ? OutputFormat.Json : OutputFormat.Table,
    };
}
