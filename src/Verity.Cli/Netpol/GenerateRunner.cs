using Verity.Cli.Input;
using Verity.Cli.Output;
using Verity.Network.Evaluation;
using Verity.Core.Model;
using Verity.Network.Flows;
using Verity.Network.Generation;
using Verity.Network.Model;

namespace Verity.Cli.Netpol;

/// <summary>
/// Runs <c>generate</c>: loads the input and the flows, generates, proves, writes the YAML (stdout or
/// <c>--out</c>) and the proof (stderr, or the JSON report on stdout with <c>-o json</c>). Exit 3 when the proof
/// finds a denied observed connection, else 2 when the input or the flows had errors, else 0.
/// </summary>
internal static class GenerateRunner
{
    public static async Task<int> RunAsync(GenerateSettings settings, CliEnvironment env, CancellationToken cancellationToken)
    {
        var input = await NetpolInput.LoadAndReportAsync(settings.Common.Input, settings.Common.IpBlockMatchesPods, env, cancellationToken);
        var flowDiagnostics = new List<Diagnostic>();
        var connections = FlowFiles.Aggregate([settings.Flows], new FlowMapper(input.Model), env, flowDiagnostics);
        DiagnosticWriter.Write(env.Error, flowDiagnostics);
        // A capture that cannot be read must not become "nothing observed": that would generate deny-all policies.
        if (flowDiagnostics.Any(d => d.Code == DiagnosticCodes.Unreadable)) return ExitCodes.BadInput;

        var options = new GenerationOptions { Namespaces = settings.Namespaces, Egress = settings.Egress, CidrPrefix = settings.CidrPrefix };
        var generated = PolicyGenerator.Generate(input.Input.Snapshot, connections, options);
        var proof = GenerationProof.Verify(input.Model, connections, generated);

        if (settings.OutDirectory is { } dir)
        {
            Directory.CreateDirectory(dir);
            foreach (var ns in generated.Namespaces)
                await File.WriteAllTextAsync(Path.Combine(dir, ns.Namespace + ".yaml"), Render(ns, settings.Format), cancellationToken);
        }
        if (settings.Common.Output == OutputFormat.Json)
        {
            GenerateJsonRenderer.Write(env.Out, connections.Count, generated, proof, ns => Render(ns, settings.Format));
        }
        else
        {
            if (settings.OutDirectory is null) await env.Out.WriteAsync(string.Join("---\n", generated.Namespaces.Select(ns => Render(ns, settings.Format))));
            GenerateProofRenderer.Write(env.Error, connections.Count, generated, proof, settings.OutDirectory);
            if (settings.Format == "cilium") await env.Error.WriteLineAsync("(the proof ran on the equivalent NetworkPolicies; the CiliumNetworkPolicies carry the same selectors, peers and ports)");
        }
        await env.Out.FlushAsync(cancellationToken);
        await env.Error.FlushAsync(cancellationToken);
        if (!proof.Passed) return ExitCodes.InternalError;
        var flowErrors = flowDiagnostics.Any(d => d.Level == DiagnosticLevel.Error);
        return input.HasErrors || flowErrors ? ExitCodes.BadInput : ExitCodes.Ok;
    }

    /// <summary>The namespace's policies in the requested format; the proof always runs on the NetworkPolicy form.</summary>
    private static string Render(NamespacePolicies ns, string format) => format == "cilium" ? CiliumPolicyWriter.Write(ns.Policies) : ns.Yaml;
}
