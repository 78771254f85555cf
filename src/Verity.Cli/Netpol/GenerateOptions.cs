using System.CommandLine;

namespace Verity.Cli.Netpol;

/// <summary>
/// The options of <c>netpol generate</c>: the shared netpol options (whose <c>-n</c> here is a repeatable filter:
/// the namespaces to generate for), <c>--flows</c>, <c>--egress</c>, <c>--out</c>, <c>--cidr-prefix</c>, <c>--format</c>.
/// </summary>
internal sealed class GenerateOptions
{
    private readonly NetpolOptions _common = new(withNamespace: false, "table", "json");

    private readonly Option<string[]> _namespaces = new("--namespace", "-n")
    {
        Description = "Generate for this namespace only. Repeatable (default: every namespace with a workload in the flows).",
        HelpName = "NAME",
    };

    private readonly Option<string> _flows = new("--flows")
    {
        Description = "Observed flows: Hubble JSON (hubble observe -o json) or the generic CSV; may be gzip-compressed.",
        HelpName = "FILE",
        Required = true,
    };

    private readonly Option<bool> _egress = new("--egress") { Description = "Restrict egress too (default-deny egress, allow observed egress and DNS to kube-dns)." };

    private readonly Option<string?> _out = new("--out") { Description = "Write one <namespace>.yaml per namespace into this directory instead of stdout.", HelpName = "DIR" };

    private readonly Option<int> _cidrPrefix = new("--cidr-prefix")
    {
        Description = "Widen external IPv4 addresses to this prefix length in ipBlock CIDRs (0-32; IPv6 stays /128).",
        DefaultValueFactory = _ => 32,
        HelpName = "N",
    };

    private readonly Option<string> _format = new("--format") { Description = "Policy format: k8s (NetworkPolicy, networking.k8s.io/v1) or cilium (CiliumNetworkPolicy, cilium.io/v2; proven in its NetworkPolicy form).", DefaultValueFactory = _ => "k8s" };

    public GenerateOptions()
    {
        _format.AcceptOnlyFromAmong("k8s", "cilium");
        _cidrPrefix.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 32) result.AddError("--cidr-prefix must be between 0 and 32.");
        });
    }

    public void AddTo(Command command)
    {
        _common.AddTo(command);
        command.Options.Add(_namespaces);
        command.Options.Add(_flows);
        command.Options.Add(_egress);
        command.Options.Add(_out);
        command.Options.Add(_cidrPrefix);
        command.Options.Add(_format);
    }

    public GenerateSettings Read(ParseResult parse) => new()
    {
        Common = _common.Read(parse),
        Namespaces = parse.GetValue(_namespaces) ?? [],
        Flows = parse.GetValue(_flows)!,
        Egress = parse.GetValue(_egress),
        OutDirectory = parse.GetValue(_out),
        CidrPrefix = parse.GetValue(_cidrPrefix),
        Format = parse.GetValue(_format) ?? "k8s",
    };
}
