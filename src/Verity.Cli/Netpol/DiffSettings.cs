using Verity.Cli.Input;

namespace Verity.Cli.Netpol;

/// <summary><c>verity netpol diff</c>: the "after" input (<c>--against</c>) and the ports compared.</summary>
internal sealed record DiffSettings(InputSettings Against, PortSelection Ports);
