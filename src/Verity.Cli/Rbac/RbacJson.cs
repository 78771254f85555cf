using System.Text.Json;
using Verity.Rbac.Authorization;
using Verity.Rbac.Model;

namespace Verity.Cli.Rbac;

/// <summary>The JSON pieces the rbac commands share (docs/cli.md): user, request, grant, rule, subject.</summary>
internal static class RbacJson
{
    public static void WriteUser(Utf8JsonWriter json, UserInfo user)
    {
        json.WriteStartObject("user");
        json.WriteString("name", user.Name);
        WriteStrings(json, "groups", user.Groups);
        json.WriteEndObject();
    }

    /// <summary><c>"request": {"verb","apiGroup","resource","subresource","name","namespace"}</c> or <c>{"verb","nonResourceURL"}</c>.</summary>
    public static void WriteRequest(Utf8JsonWriter json, RequestAttributes request)
    {
        json.WriteStartObject("request");
        json.WriteString("verb", request.Verb);
        if (request.IsResourceRequest)
        {
            json.WriteString("apiGroup", request.ApiGroup);
            json.WriteString("resource", request.Resource);
            json.WriteString("subresource", request.Subresource);
            json.WriteString("name", request.Name);
            json.WriteString("namespace", request.Namespace);
        }
        else json.WriteString("nonResourceURL", request.Path);
        json.WriteEndObject();
    }

    /// <summary><c>"grant": {"binding","subject","role","rule":{...},"ruleOrigin"}</c>, or null.</summary>
    public static void WriteGrant(Utf8JsonWriter json, Grant? grant, string property = "grant")
    {
        if (grant is null)
        {
            json.WriteNull(property);
            return;
        }
        json.WriteStartObject(property);
        WriteGrantFields(json, grant);
        json.WriteEndObject();
    }

    public static void WriteGrantFields(Utf8JsonWriter json, Grant grant)
    {
        json.WriteString("binding", RbacText.Binding(grant.Binding));
        json.WriteString("subject", grant.Subject.ToString());
        json.WriteString("role", RbacText.Role(grant));
        WriteRule(json, grant.Rule);
        json.WriteString("ruleOrigin", grant.Rule.Origin.ToString());
    }

    public static void WriteRule(Utf8JsonWriter json, PolicyRule rule)
    {
        json.WriteStartObject("rule");
        WriteStrings(json, "verbs", rule.Verbs);
        WriteStrings(json, "apiGroups", rule.ApiGroups);
        WriteStrings(json, "resources", rule.Resources);
        WriteStrings(json, "resourceNames", rule.ResourceNames);
        WriteStrings(json, "nonResourceURLs", rule.NonResourceUrls);
        json.WriteEndObject();
    }

    public static void WriteSubjectFields(Utf8JsonWriter json, Subject subject)
    {
        json.WriteString("kind", subject.Kind.ToString());
        json.WriteString("name", subject.Name);
        if (subject.Namespace is null) json.WriteNull("namespace");
        else json.WriteString("namespace", subject.Namespace);
    }

    public static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
