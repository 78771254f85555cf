using System.Diagnostics;
using Verity.Bench.Generation;

namespace Verity.Bench.Commands;

/// <summary>
/// <c>generate --objects N --format yaml|json|yaml-stream --out FILE [--seed S]</c>, with the shape's parts
/// overridable (<c>--namespaces</c>, <c>--workloads</c>, <c>--replicas</c>, <c>--services</c>,
/// <c>--netpols</c>, <c>--roles</c>, <c>--cluster-roles</c>, <c>--cluster-role-bindings</c>), and the network
/// benchmark's options (<c>--container-ports N</c>, <c>--varied-netpols 1</c>, <c>--cluster-policies N</c>,
/// <c>--edits N</c> for the changed revision).
/// </summary>
internal static class GenerateCommand
{
    public static int Run(Arguments args)
    {
        var shape = Shape(args);
        var format = Format(args.String("format") ?? "yaml");
        var path = args.String("out") ?? throw new UsageException("--out FILE is required");
        args.EnsureAllRead();

        var clock = Stopwatch.StartNew();
        SyntheticCluster cluster;
        try
        {
            cluster = new SyntheticCluster(shape);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UsageException(e.Message);
        }
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            cluster.Write(file, format);
        Console.Error.WriteLine(
            $"wrote {cluster.ObjectCount:N0} objects ({shape.Namespaces} namespaces, {shape.Namespaces * shape.WorkloadsPerNamespace * shape.Replicas:N0} pods) " +
            $"to {path}: {new FileInfo(path).Length / 1e6:N1} MB in {clock.Elapsed.TotalSeconds:N1} s");
        return 0;
    }

    public static ClusterShape Shape(Arguments args)
    {
        var shape = ClusterShape.ForObjectCount(args.Int("objects") ?? 50_000, args.Int("seed"));
        shape = shape with
        {
            Namespaces = args.Int("namespaces") ?? shape.Namespaces,
            WorkloadsPerNamespace = args.Int("workloads") ?? shape.WorkloadsPerNamespace,
            Replicas = args.Int("replicas") ?? shape.Replicas,
            ServicesPerNamespace = args.Int("services") ?? shape.ServicesPerNamespace,
            NetworkPoliciesPerNamespace = args.Int("netpols") ?? shape.NetworkPoliciesPerNamespace,
            RolesPerNamespace = args.Int("roles") ?? shape.RolesPerNamespace,
            ClusterRoles = args.Int("cluster-roles") ?? shape.ClusterRoles,
            ClusterRoleBindings = args.Int("cluster-role-bindings") ?? shape.ClusterRoleBindings,
            ContainerPorts = args.Int("container-ports") ?? shape.ContainerPorts,
            VariedNetworkPolicies = (args.Int("varied-netpols") ?? 0) != 0,
            ClusterNetworkPolicies = args.Int("cluster-policies") ?? shape.ClusterNetworkPolicies,
            PolicyEdits = args.Int("edits") ?? shape.PolicyEdits,
        };
        try
        {
            shape.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UsageException(e.Message);
        }
        return shape;
    }

    public static ManifestFormat Format(string text) => text switch
    {
        "yaml" => ManifestFormat.YamlList,
        "json" => ManifestFormat.JsonList,
        "yaml-stream" => ManifestFormat.YamlDocuments,
        _ => throw new UsageException($"--format must be yaml, json or yaml-stream, found \"{text}\""),
    };
}
