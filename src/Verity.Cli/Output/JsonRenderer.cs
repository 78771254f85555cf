using System.Text.Json;
using Verity.Cli.Scan;
using Verity.Core.Model;
using Verity.Posture;
using Verity.Posture.Isolation;
using Verity.Rbac.Scoring;

namespace Verity.Cli.Output;

/// <summary>
/// Writes the scan report as the JSON document of docs/output.md. Written field by field (not by reflection
/// over records) so the shape is explicit here and cannot drift with a rename; keys never disappear (absent
/// values are <c>null</c>).
/// </summary>
internal static class JsonRenderer
{
    public static void Write(TextWriter output, ScanReport report) =>
        JsonOutput.Write(output, json =>
        {
            var card = report.Scorecard;
            json.WriteStartObject();
            json.WriteNumber("score", card.Score);
            json.WriteStartArray("namespaces");
            foreach (var ns in card.Namespaces)
            {
                json.WriteStartObject();
                json.WriteString("name", ns.Name);
                json.WriteNumber("score", ns.Score);
                json.WriteNumber("findings", ns.Findings);
                var isolation = card.IsolationOf(ns.Name);
                WriteShare(json, "ingressIsolated", isolation?.Ingress);
                WriteShare(json, "egressIsolated", isolation?.Egress);
                if (isolation is null) json.WriteNull("defaultDeny");
                else json.WriteBoolean("defaultDeny", isolation.DefaultDeny);
                if (card.LeastPrivilegeOf(ns.Name) is { } rbac) json.WriteNumber("leastPrivilege", rbac.Score);
                else json.WriteNull("leastPrivilege");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WriteLeastPrivilege(json, card.LeastPrivilege);
            if (report.Traffic is { } traffic) TrafficSection.WriteJson(json, traffic);
            else json.WriteNull("traffic");
            if (report.Guardrails is { } guardrails) GuardrailSection.WriteJson(json, guardrails);
            else json.WriteNull("admission");
            if (report.AdmissionPolicies is { } policies) AdmissionPolicySection.WriteJson(json, policies);
            else json.WriteNull("admissionPolicies");
            IdentitySection.WriteJson(json, report.Identities, report.TrustDomain);
            json.WriteStartArray("findings");
            foreach (var finding in card.Findings) WriteFinding(json, finding);
            json.WriteEndArray();
            json.WriteStartArray("diagnostics");
            foreach (var diagnostic in report.Diagnostics) WriteDiagnostic(json, diagnostic);
            json.WriteEndArray();
            json.WriteEndObject();
        });

    /// <summary><c>"leastPrivilege": {"score", "serviceAccounts", "lowest": {"serviceAccount", "score"}}</c>, or null without service accounts.</summary>
    private static void WriteLeastPrivilege(Utf8JsonWriter json, LeastPrivilegeScores? scores)
    {
        if (scores is not { Accounts.Count: > 0 })
        {
            json.WriteNull("leastPrivilege");
            return;
        }
        json.WriteStartObject("leastPrivilege");
        json.WriteNumber("score", scores.Cluster);
        json.WriteNumber("serviceAccounts", scores.Accounts.Count);
        if (scores.Lowest is { } lowest)
        {
            json.WriteStartObject("lowest");
            json.WriteString("serviceAccount", $"{lowest.Account.Namespace}/{lowest.Account.Name}");
            json.WriteNumber("score", lowest.Score);
            json.WriteEndObject();
        }
        else json.WriteNull("lowest");
        json.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject();
        json.WriteString("rule", finding.RuleId);
        json.WriteString("severity", Name(finding.Severity));
        json.WriteString("resource", finding.Subject.Display);
        json.WriteString("message", finding.Message);
        json.WriteString("remediation", finding.Remediation);
        json.WriteString("evidence", finding.Evidence);
        json.WriteStartArray("controls");
        foreach (var control in finding.Controls) json.WriteStringValue(control);
        json.WriteEndArray();
        if (finding.Source is { } source)
        {
            json.WriteStartObject("source");
            json.WriteString("file", source.File);
            json.WriteNumber("line", source.Line);
            json.WriteNumber("column", source.Column);
            json.WriteEndObject();
        }
        else json.WriteNull("source");
        json.WriteEndObject();
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic diagnostic)
    {
        json.WriteStartObject();
        json.WriteString("level", diagnostic.Level == DiagnosticLevel.Error ? "error" : "warning");
        json.WriteString("code", diagnostic.Code);
        json.WriteString("message", diagnostic.Message);
        json.WriteString("file", diagnostic.Location?.File);
        WriteNumberOrNull(json, "line", diagnostic.Location?.Line);
        WriteNumberOrNull(json, "column", diagnostic.Location?.Column);
        json.WriteString("field", diagnostic.FieldPath);
        json.WriteEndObject();
    }

    /// <summary><c>{"isolated":2,"total":3}</c>, or null for a namespace the snapshot does not hold.</summary>
    private static void WriteShare(Utf8JsonWriter json, string name, IsolationShare? share)
    {
        if (share is not { } value)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartObject(name);
        json.WriteNumber("isolated", value.Isolated);
        json.WriteNumber("total", value.Total);
        json.WriteEndObject();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, int? value)
    {
        if (value is int v) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }

    /// <summary>Severities in JSON are lower-case: <c>critical</c>, <c>high</c>, <c>medium</c>, <c>low</c>, <c>info</c>.</summary>
    public static string Name(Severity severity) => severity.ToString().ToLowerInvariant();
}
