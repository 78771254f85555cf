using System.Text.Json;
using Verity.Cli.Output;

namespace Verity.Cli.Admission;

/// <summary>
/// <c>admission test -o json</c> (docs/admission.md, stable): <c>{"results":[{"resource","source":{"file","line"},
/// "allowed","violations":[{"policy","binding","action","message"}],"warnings":[…],"auditAnnotations":{…}}]}</c>.
/// </summary>
internal static class AdmissionJsonRenderer
{
    public static void Write(TextWriter output, IReadOnlyList<AdmissionVerdict> verdicts) =>
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("results");
            foreach (var verdict in verdicts) WriteVerdict(json, verdict);
            json.WriteEndArray();
            json.WriteEndObject();
        });

    private static void WriteVerdict(Utf8JsonWriter json, AdmissionVerdict verdict)
    {
        json.WriteStartObject();
        json.WriteString("resource", verdict.Resource);
        json.WritePropertyName("source");
        json.WriteStartObject();
        json.WriteString("file", verdict.Object.Source.File);
        json.WriteNumber("line", verdict.Object.Source.Line);
        json.WriteEndObject();
        json.WriteBoolean("allowed", verdict.Allowed);
        json.WriteStartArray("violations");
        foreach (var violation in verdict.Violations)
        {
            json.WriteStartObject();
            json.WriteString("policy", violation.Policy);
            if (violation.Binding is null) json.WriteNull("binding");
            else json.WriteString("binding", violation.Binding);
            json.WriteString("action", violation.ActionName ?? AdmissionText.Action(violation.Action));
            json.WriteString("message", violation.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("warnings");
        foreach (var warning in verdict.Warnings) json.WriteStringValue(warning);
        json.WriteEndArray();
        json.WritePropertyName("auditAnnotations");
        json.WriteStartObject();
        foreach (var (key, value) in verdict.AuditAnnotations) json.WriteString(key, value);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
