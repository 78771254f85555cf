using System.Text.Json;
using Verity.Admission.Guardrails;
using Verity.Cli.Output;
using Verity.Core.Model;

namespace Verity.Cli.Admission;

/// <summary>
/// <c>admission test -o sarif</c>: SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/) for code scanning. One
/// run, tool <c>verity</c>; one rule per policy that has a result (<c>PodSecurity</c>, guardrail ids) with its title;
/// one result per violation — level <c>error</c> (enforce), <c>warning</c> (warn), <c>note</c> (audit) — located at the
/// offending field (guardrails) or object (Pod Security), with the resource as logical location. Excepted violations
/// and other warnings are not results.
/// </summary>
internal static class AdmissionSarifRenderer
{
    private const string PodSecurityTitle = "Pods meet the Pod Security Standards level of their namespace (Pod Security Admission)";

    public static void Write(TextWriter output, IReadOnlyList<AdmissionVerdict> verdicts)
    {
        var rules = verdicts.SelectMany(v => v.Violations).Select(v => v.Policy).Distinct().Order(StringComparer.Ordinal).ToList();
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WritePropertyName("tool");
            json.WriteStartObject();
            json.WritePropertyName("driver");
            json.WriteStartObject();
            json.WriteString("name", "verity");
            json.WriteStartArray("rules");
            foreach (var rule in rules) WriteRule(json, rule);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var verdict in verdicts)
            {
                foreach (var violation in verdict.Violations) WriteResult(json, verdict, violation, rules.IndexOf(violation.Policy));
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void WriteRule(Utf8JsonWriter json, string id)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WritePropertyName("shortDescription");
        json.WriteStartObject();
        json.WriteString("text", id == AdmissionViolation.PodSecurity ? PodSecurityTitle : GuardrailLibrary.Find(id)?.Title ?? id);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, AdmissionVerdict verdict, AdmissionViolation violation, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", violation.Policy);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", AdmissionText.SarifLevel(violation.Action));
        json.WritePropertyName("message");
        json.WriteStartObject();
        json.WriteString("text", $"{verdict.Resource}: {violation.Message}");
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        WritePhysicalLocation(json, violation.Location);
        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("fullyQualifiedName", verdict.Resource);
        json.WriteString("kind", "resource");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter json, SourceLocation location)
    {
        json.WritePropertyName("physicalLocation");
        json.WriteStartObject();
        json.WritePropertyName("artifactLocation");
        json.WriteStartObject();
        json.WriteString("uri", location.File.Replace('\\', '/'));
        json.WriteEndObject();
        if (location.Line > 0)
        {
            json.WritePropertyName("region");
            json.WriteStartObject();
            json.WriteNumber("startLine", location.Line);
            if (location.Column > 0) json.WriteNumber("startColumn", location.Column);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
