using Verity.Network.Evaluation;
using Verity.Network.Model;

namespace Verity.Cli.Netpol;

/// <summary>
/// Turns <c>--from/--to/--port/--protocol</c> into a <see cref="ConnectionQuery"/>, or the errors that say what
/// was wrong (an unknown endpoint with its close matches, a port name the destination does not declare).
/// A named port is looked up on the destination's container ports, as NetworkPolicy does for ingress and egress
/// alike; without <c>--protocol</c> it takes the protocol of that declared port.
/// </summary>
internal static class ConnectionResolver
{
    public static (ConnectionQuery? Query, IReadOnlyList<string> Errors) Resolve(NetworkModel model, ConnectionSettings settings)
    {
        var errors = new List<string>();
        var from = Endpoint(model, settings.From, "--from", errors);
        var to = Endpoint(model, settings.To, "--to", errors);
        if (from is null || to is null) return (null, errors);

        if (PortText.TryParseNumber(settings.Port, out var number))
            return (new ConnectionQuery(from, to, number, settings.Protocol ?? Protocol.TCP, null), errors);

        var named = to.Ports.Where(p => p.Name == settings.Port && (settings.Protocol is null || p.Protocol == settings.Protocol))
            .DistinctBy(p => (p.Number, p.Protocol)).ToList();
        if (named.Count == 1) return (new ConnectionQuery(from, to, named[0].Number, named[0].Protocol, settings.Port), errors);

        var protocol = settings.Protocol is { } p ? $" for {p}" : "";
        errors.Add(named.Count > 1
            ? $"error: port \"{settings.Port}\" of {to.Id} is declared as {string.Join(" and ", named.Select(n => $"{n.Number}/{n.Protocol}"))}; pass --protocol to choose"
            : to.Kind == EndpointKind.External
                ? $"error: --port \"{settings.Port}\" is a port name, but {to.Id} is outside the cluster and declares no ports; pass a number"
                : $"error: {to.Id} declares no port named \"{settings.Port}\"{protocol} (declared: {Declared(to)})");
        return (null, errors);
    }

    private static Endpoint? Endpoint(NetworkModel model, string text, string option, List<string> errors)
    {
        var endpoint = model.Resolve(text);
        if (endpoint is not null) return endpoint;
        var close = EndpointSuggestions.Closest(model.Endpoints, text);
        errors.Add(close.Count > 0
            ? $"error: {option}: no endpoint \"{text}\"; did you mean {string.Join(", ", close)}?"
            : $"error: {option}: no endpoint \"{text}\"; endpoints are pods (namespace/name), workloads (namespace/kind/name) or IP addresses"
              + (model.Endpoints.Count > 0 ? $", e.g. {model.Endpoints[0].Id}" : " (the input has none)"));
        return null;
    }

    private static string Declared(Endpoint endpoint) => endpoint.Ports.Count == 0 ? "none"
        : string.Join(", ", endpoint.Ports.Select(p => p.Name is null ? $"{p.Number}/{p.Protocol}" : $"{p.Name} {p.Number}/{p.Protocol}"));
}
