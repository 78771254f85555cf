using System.Text.Json;
using Verity.Rbac.Model;
using Verity.Rbac.Risks;

namespace Verity.Cli.Rbac;

/// <summary>
/// The JSON of a finding's subject and evidence (docs/rbac.md, "Findings"), shared by <c>risks</c> and <c>paths</c>:
/// <c>{"kind","namespace","name"}</c> and <c>[{"binding","role","rule":{"verbs","apiGroups","resources","resourceNames",
/// "nonResourceURLs","origin"},"detail"}]</c>. Fields are written one by one: a rule's origin holds the Kubernetes object
/// it came from, which must never be serialized.
/// </summary>
internal static class RiskEvidenceJson
{
    public static void WriteSubject(Utf8JsonWriter json, string property, Subject subject)
    {
        json.WriteStartObject(property);
        json.WriteString("kind", subject.Kind.ToString());
        if (subject.Namespace is null) json.WriteNull("namespace");
        else json.WriteString("namespace", subject.Namespace);
        json.WriteString("name", subject.Name);
        json.WriteEndObject();
    }

    public static void WriteEvidence(Utf8JsonWriter json, IReadOnlyList<RiskEvidence> evidence)
    {
        json.WriteStartArray("evidence");
        foreach (var item in evidence)
        {
            json.WriteStartObject();
            WriteNullable(json, "binding", item.Binding);
            WriteNullable(json, "role", item.Role);
            if (item.Rule is null) json.WriteNull("rule");
            else
            {
                json.WriteStartObject("rule");
                RbacJson.WriteStrings(json, "verbs", item.Rule.Verbs);
                RbacJson.WriteStrings(json, "apiGroups", item.Rule.ApiGroups);
                RbacJson.WriteStrings(json, "resources", item.Rule.Resources);
                RbacJson.WriteStrings(json, "resourceNames", item.Rule.ResourceNames);
                RbacJson.WriteStrings(json, "nonResourceURLs", item.Rule.NonResourceUrls);
                json.WriteString("origin", item.Rule.Origin.ToString());
                json.WriteEndObject();
            }
            WriteNullable(json, "detail", item.Detail);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string property, string? value)
    {
        if (value is null) json.WriteNull(property);
        else json.WriteString(property, value);
    }
}
