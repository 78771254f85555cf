using System.Text.Json;
using Verity.Admission.Pss;
using Verity.Cli.Output;

namespace Verity.Cli.Pss;

/// <summary>
/// <c>pss check -o json</c> (docs/pss.md): <c>{"results":[{"resource","level","version","allowed","violations":[{"check",
/// "message"}],"audit":{"level","version","allowed","violations"},"warn":{…}}]}</c>; the top-level level/version/allowed are
/// the enforce mode's.
/// </summary>
internal static class PssJsonRenderer
{
    public static void Write(TextWriter output, IReadOnlyList<PssResult> results) =>
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("results");
            foreach (var result in results)
            {
                json.WriteStartObject();
                json.WriteString("resource", result.Resource);
                WriteDecision(json, result.Enforce);
                json.WritePropertyName("audit");
                json.WriteStartObject();
                WriteDecision(json, result.Audit);
                json.WriteEndObject();
                json.WritePropertyName("warn");
                json.WriteStartObject();
                WriteDecision(json, result.Warn);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });

    private static void WriteDecision(Utf8JsonWriter json, PssDecision decision)
    {
        json.WriteString("level", decision.Policy.Level.Name());
        json.WriteString("version", decision.Policy.Version.ToString());
        json.WriteBoolean("allowed", decision.Allowed);
        json.WriteStartArray("violations");
        foreach (var violation in decision.Violations)
        {
            json.WriteStartObject();
            json.WriteString("check", violation.Check);
            json.WriteString("message", violation.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
