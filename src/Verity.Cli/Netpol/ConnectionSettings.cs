using Verity.Network.Model;

namespace Verity.Cli.Netpol;

/// <summary>The connection <c>can</c> and <c>explain</c> ask about, as typed: endpoints and port are resolved on the model.</summary>
internal sealed record ConnectionSettings(string From, string To, string Port, Protocol? Protocol);
