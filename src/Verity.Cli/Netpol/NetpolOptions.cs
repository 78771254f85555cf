using System.CommandLine;
using Verity.Cli.Input;
using Verity.Cli.Output;

namespace Verity.Cli.Netpol;

/// <summary>
/// The options every <c>verity netpol</c> subcommand shares: the input (<see cref="InputOptions"/>),
/// <c>--ipblock-matches-pods</c>, <c>-o/--output</c> (the formats the subcommand supports) and <c>--no-color</c>.
/// </summary>
internal sealed class NetpolOptions
{
    public InputOptions Input { get; }

    public Option<bool> IpBlockMatchesPods { get; } = new("--ipblock-matches-pods")
    {
        Description = "Whether an ipBlock matches pods by their IP: true (default) as the upstream e2e tests and Calico; "
            + "--ipblock-matches-pods=false as Cilium.",
        DefaultValueFactory = _ => true,
    };

    public Option<string> Output { get; }

    public Option<bool> NoColor { get; } = new("--no-color")
    {
        Description = "Never colour the output (colour is used only when stdout is a terminal; NO_COLOR is honoured).",
    };

    public NetpolOptions(bool withNamespace = true, params string[] formats)
    {
        Input = new InputOptions(withNamespace);
        Output = new Option<string>("--output", "-o") { Description = "Output format.", DefaultValueFactory = _ => "table" };
        Output.AcceptOnlyFromAmong(formats.Length == 0 ? ["table", "json"] : formats);
    }

    public void AddTo(Command command)
    {
        Input.AddTo(command);
        command.Options.Add(IpBlockMatchesPods);
        command.Options.Add(Output);
        command.Options.Add(NoColor);
    }

    public NetpolSettings Read(ParseResult parse) => new()
    {
        Input = Input.Read(parse),
        IpBlockMatchesPods = parse.GetValue(IpBlockMatchesPods),
        Output = parse.GetValue(Output) switch { "json" => OutputFormat.Json, "csv" => OutputFormat.Csv, _ => OutputFormat.Table },
        NoColor = parse.GetValue(NoColor),
    };
}
