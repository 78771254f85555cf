using Verity.Core.Model;
using Verity.Core.Snapshots;
using Verity.Network.Model;
using Verity.Network.Policies;

namespace Verity.Network.Evaluation;

/// <summary>A snapshot compiled for network questions: its endpoints, its policies and the options.</summary>
public sealed record NetworkModel(IReadOnlyList<Endpoint> Endpoints, PolicySet Policies, NetworkOptions Options)
{
    private Dictionary<string, Endpoint>? _byId;

    public IReadOnlyList<Diagnostic> Diagnostics => Policies.Diagnostics;

    /// <summary>The snapshot's namespaces (declared or implied), with their labels.</summary>
    public IReadOnlyList<NamespaceInfo> Namespaces { get; init; } = [];

    public static NetworkModel FromSnapshot(Snapshot snapshot, NetworkOptions? options = null) =>
        new(EndpointCatalog.FromSnapshot(snapshot), PolicyCompiler.Compile(snapshot), options ?? new NetworkOptions()) { Namespaces = snapshot.Namespaces };

    /// <summary>
    /// Finds an endpoint by its id (<c>ns/pod</c>, <c>ns/kind/name</c>), by <c>ns/name</c> of a workload, or an IP
    /// address (a pod with that IP, else an external endpoint). Returns null when nothing matches.
    /// </summary>
    public Endpoint? Resolve(string text)
    {
        _byId ??= Endpoints.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (_byId.TryGetValue(text, out var byId)) return byId;
        var parts = text.Split('/');
        if (parts.Length == 2)
        {
            var workload = Endpoints.Where(e => e.Kind == EndpointKind.Workload && e.Namespace == parts[0] && e.Id.EndsWith("/" + parts[1], StringComparison.Ordinal)).ToList();
            if (workload.Count == 1) return workload[0];
        }
        if (System.Net.IPAddress.TryParse(text, out var ip))
            return Endpoints.FirstOrDefault(e => e.Addresses.Contains(ip)) ?? Endpoint.External(ip);
        return null;
    }
}
