namespace Verity.Cli.Netpol;

/// <summary><c>verity netpol matrix</c>: the ports, and the namespaces whose endpoints are listed (all when empty).</summary>
internal sealed record MatrixSettings(PortSelection Ports, IReadOnlyList<string> Namespaces);
