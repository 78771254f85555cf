using Verity.Cli.Output;
using Verity.Network.Flows;
using Verity.Network.Generation;

namespace Verity.Cli.Netpol;

/// <summary>
/// The JSON report of <c>generate -o json</c> (docs/netpol.md): <c>{"observed", "namespaces":[{"namespace",
/// "policies":[names], "yaml"}], "skipped":[{"connection","reason"}], "proof":{"passed","verified","denied":[...],
/// "unverified":[...], "overPermission":[{"from","to","allowed","unobserved","connections":[...]}]}}</c>.
/// </summary>
internal static class GenerateJsonRenderer
{
    public static void Write(TextWriter output, int observed, GenerationResult generated, ProofReport proof, Func<NamespacePolicies, string> render) =>
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteNumber("observed", observed);
            json.WriteStartArray("namespaces");
            foreach (var ns in generated.Namespaces)
            {
                json.WriteStartObject();
                json.WriteString("namespace", ns.Namespace);
                json.WriteStartArray("policies");
                foreach (var policy in ns.Policies) json.WriteStringValue(policy.Name);
                json.WriteEndArray();
                json.WriteString("yaml", render(ns));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("skipped");
            foreach (var skip in generated.Skipped)
            {
                json.WriteStartObject();
                json.WriteString("connection", PolicyGenerator.Describe(skip.Connection));
                json.WriteString("reason", skip.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("proof");
            json.WriteBoolean("passed", proof.Passed);
            json.WriteNumber("verified", proof.Verified);
            Connections(json, "denied", proof.Denied);
            Connections(json, "unverified", proof.Unverified);
            json.WriteStartArray("overPermission");
            foreach (var group in proof.OverPermission)
            {
                json.WriteStartObject();
                json.WriteString("from", group.FromNamespace);
                json.WriteString("to", group.ToNamespace);
                json.WriteNumber("allowed", group.Allowed);
                json.WriteNumber("unobserved", group.Unobserved);
                json.WriteStartArray("connections");
                foreach (var c in group.Connections) json.WriteStringValue(c);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        });

    private static void Connections(System.Text.Json.Utf8JsonWriter json, string name, IReadOnlyList<ObservedConnection> connections)
    {
        json.WriteStartArray(name);
        foreach (var c in connections) json.WriteStringValue(PolicyGenerator.Describe(c));
        json.WriteEndArray();
    }
}
