using System.Text.Json;
using Verity.Cli.Output;
using Verity.Network.Evaluation;

namespace Verity.Cli.Netpol;

/// <summary>
/// The JSON of <c>can</c> and <c>explain</c> (docs/netpol.md): the question, <c>allowed</c>, and per direction
/// <c>allowed</c> and <c>decidedBy</c> (NotApplicable, Admin, NetworkPolicy, Baseline, Default) — with the
/// explanation's <c>steps</c> for <c>explain</c>.
/// </summary>
internal static class VerdictJson
{
    public static void Write(TextWriter output, ConnectionQuery query, bool allowed, ConnectionVerdict verdict, bool steps) =>
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("from", query.From.Id);
            json.WriteString("to", query.To.Id);
            json.WriteNumber("port", query.Port);
            json.WriteString("protocol", query.Protocol.ToString());
            json.WriteBoolean("allowed", allowed);
            WriteDirection(json, "egress", verdict.Egress, steps);
            WriteDirection(json, "ingress", verdict.Ingress, steps);
            json.WriteEndObject();
        });

    private static void WriteDirection(Utf8JsonWriter json, string name, DirectionVerdict verdict, bool steps)
    {
        json.WriteStartObject(name);
        json.WriteBoolean("allowed", verdict.Allowed);
        json.WriteString("decidedBy", verdict.DecidedBy.ToString());
        if (steps)
        {
            json.WriteStartArray("steps");
            foreach (var step in verdict.Steps)
            {
                json.WriteStartObject();
                json.WriteString("tier", step.Tier.ToString());
                json.WriteString("policy", step.Policy);
                json.WriteString("message", step.Message);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }
}
