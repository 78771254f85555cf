using System.Text.Json;
using Verity.Cli.Output;
using Verity.Network.Flows;

namespace Verity.Cli.Netpol;

/// <summary>
/// The audit as the documented JSON (docs/netpol.md): <c>{"connections":[{"from","to","port","protocol","count",
/// "allowed","decidedBy","policy","brokenByDefaultDeny"}],"namespaces":[{"name","observed","denied","brokenByDefaultDeny"}],
/// "unevaluated":[{"from","to","port","protocol","count","reason"}]}</c>, in the report's order.
/// </summary>
internal static class AuditJsonRenderer
{
    public static void Write(TextWriter output, FlowAuditReport report) =>
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("connections");
            foreach (var c in report.Connections) WriteAudited(json, c);
            json.WriteEndArray();
            json.WriteStartArray("namespaces");
            foreach (var ns in report.Namespaces) WriteNamespace(json, ns);
            json.WriteEndArray();
            json.WriteStartArray("unevaluated");
            foreach (var u in report.Unevaluated)
            {
                json.WriteStartObject();
                Connection(json, u.Observed);
                json.WriteString("reason", u.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });

    /// <summary>One audited connection: <c>{"from","to","port","protocol","count","allowed","decidedBy","policy","brokenByDefaultDeny"}</c> (also used by <c>scan --flows</c>).</summary>
    public static void WriteAudited(Utf8JsonWriter json, AuditedConnection c)
    {
        json.WriteStartObject();
        Connection(json, c.Observed);
        json.WriteBoolean("allowed", c.Allowed);
        json.WriteString("decidedBy", c.DecidedBy.ToString());
        json.WriteString("policy", c.Policy);
        json.WriteStartArray("brokenByDefaultDeny");
        foreach (var ns in c.BrokenByDefaultDeny) json.WriteStringValue(ns);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>One namespace's forecast: <c>{"name","observed","denied","brokenByDefaultDeny"}</c> (also used by <c>scan --flows</c>).</summary>
    public static void WriteNamespace(Utf8JsonWriter json, NamespaceAudit ns)
    {
        json.WriteStartObject();
        json.WriteString("name", ns.Name);
        json.WriteNumber("observed", ns.Observed);
        json.WriteNumber("denied", ns.Denied);
        json.WriteNumber("brokenByDefaultDeny", ns.BrokenByDefaultDeny);
        json.WriteEndObject();
    }

    private static void Connection(Utf8JsonWriter json, ObservedConnection c)
    {
        json.WriteString("from", c.From.Id);
        json.WriteString("to", c.To.Id);
        if (c.Port is { } port) json.WriteNumber("port", port);
        else json.WriteNull("port");
        json.WriteString("protocol", c.Protocol?.ToString());
        json.WriteNumber("count", c.Count);
    }
}
