using System.Net;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Network.Engine;
using Verity.Network.Evaluation;
using Verity.Network.Model;

namespace Verity.Network.Tests.Engine;

/// <summary>
/// The optimised engine (equivalence classes, port bit masks) must agree with the per-pair reference
/// evaluator on random clusters, selectors, ports, ipBlocks and admin/baseline tiers, for every ordered
/// pair of endpoints (pods and two external addresses) and several ports at once.
/// </summary>
public sealed class EngineMatchesReferenceProperties
{
    private static readonly PortKey[] Ports =
        [new(80, Protocol.TCP), new(443, Protocol.TCP), new(8080, Protocol.TCP), new(53, Protocol.UDP), new(53, Protocol.TCP), new(9999, Protocol.SCTP)];

    [Property(MaxTest = 300)]
    public Property EngineAgreesWithReference(int seed, bool ipBlockMatchesPods)
    {
        var yaml = RandomCluster.Yaml(new Random(seed));
        var loaded = ManifestParser.Parse(yaml, "random.yaml");
        var model = NetworkModel.FromSnapshot(SnapshotBuilder.Build(loaded.Objects), new NetworkOptions { IpBlockMatchesPods = ipBlockMatchesPods });
        var endpoints = model.Endpoints.Concat([Endpoint.External(IPAddress.Parse("8.8.8.8")), Endpoint.External(IPAddress.Parse("10.0.0.200"))]).ToList();
        var engine = new ReachabilityEngine(model);
        var disagreements = new List<string>();
        foreach (var from in endpoints)
        {
            foreach (var to in endpoints)
            {
                var mask = engine.AllowedMask(from, to, Ports);
                for (var i = 0; i < Ports.Length; i++)
                {
                    var reference = ReachabilityEvaluator.Evaluate(model, from, to, Ports[i].Port, Ports[i].Protocol).Allowed;
                    if (reference != ((mask >> i & 1) == 1)) disagreements.Add($"{from.Id} -> {to.Id} {Ports[i]}: reference {reference}");
                }
            }
        }
        return (loaded.Diagnostics.Count == 0 && disagreements.Count == 0)
            .Label($"{string.Join("\n", loaded.Diagnostics)}\n{string.Join("\n", disagreements.Take(5))}\n{yaml}");
    }

    /// <summary>The bulk class matrix (rows built rule by rule) must give the reference's answer for every pair too.</summary>
    [Property(MaxTest = 200)]
    public Property ClassMatrixAgreesWithReference(int seed, bool ipBlockMatchesPods)
    {
        var yaml = RandomCluster.Yaml(new Random(seed));
        var loaded = ManifestParser.Parse(yaml, "random.yaml");
        var model = NetworkModel.FromSnapshot(SnapshotBuilder.Build(loaded.Objects), new NetworkOptions { IpBlockMatchesPods = ipBlockMatchesPods });
        var endpoints = model.Endpoints.Concat([Endpoint.External(IPAddress.Parse("8.8.8.8")), Endpoint.External(IPAddress.Parse("10.0.0.200"))]).ToList();
        var matrix = ReachabilityMatrix.ComputeClassMatrix(new ReachabilityEngine(model), endpoints, Ports);
        var disagreements = new List<string>();
        foreach (var from in endpoints)
        {
            foreach (var to in endpoints)
            {
                var mask = matrix.Mask(from, to);
                for (var i = 0; i < Ports.Length; i++)
                {
                    var reference = ReachabilityEvaluator.Evaluate(model, from, to, Ports[i].Port, Ports[i].Protocol).Allowed;
                    if (reference != ((mask >> i & 1) == 1)) disagreements.Add($"{from.Id} -> {to.Id} {Ports[i]}: reference {reference}");
                }
            }
        }
        return (disagreements.Count == 0).Label($"{string.Join("\n", disagreements.Take(5))}\n{yaml}");
    }
}
