using System.Text.Json;
using Verity.Cli.Output;
using Verity.Rbac.Diff;

namespace Verity.Cli.Rbac;

/// <summary>
/// <c>rbac diff</c> output. Text: per subject, <c>+</c> gained and <c>-</c> lost permissions with the binding and role
/// that grant them (permissions that differ only in their verb on one line), then a count of permissions (one per verb). JSON: <c>{"subjects":[{kind,name,namespace,gained:[...],lost:[...]}],"compared":{subjects,namespaces}}</c>,
/// a permission being <c>{namespace|null,verb,apiGroup,resource,resourceName|null,nonResourceURL|null,binding,role}</c>.
/// </summary>
internal static class RbacDiffRenderer
{
    public static void WriteTable(TextWriter output, RbacDiffResult result)
    {
        foreach (var change in result.Changes)
        {
            output.WriteLine(change.Subject.ToString());
            foreach (var (sign, list) in new[] { ("+", change.Gained), ("-", change.Lost) })
            {
                // One line per permission but its verb, with the verbs merged: "+ get,list secrets in namespace api".
                foreach (var line in list.GroupBy(c => (c.Permission with { Verb = "" }, c.Grant is null ? "system:masters" : $"via {RbacText.Via(c.Grant)}")))
                {
                    var verbs = string.Join(",", line.Select(c => c.Permission.Verb));
                    output.WriteLine($"  {sign} {verbs} {line.Key.Item1.ToString()[1..]}  ({line.Key.Item2})");
                }
            }
            output.WriteLine();
        }
        var gainers = result.Changes.Where(c => c.Gained.Count > 0).ToList();
        var losers = result.Changes.Where(c => c.Lost.Count > 0).ToList();
        output.WriteLine($"Compared {Count(result.SubjectsCompared, "subject")} in {Count(result.NamespacesCompared, "namespace")} and cluster-wide: "
            + $"{Count(gainers.Sum(c => c.Gained.Count), "permission")} gained by {Count(gainers.Count, "subject")}, "
            + $"{Count(losers.Sum(c => c.Lost.Count), "permission")} lost by {Count(losers.Count, "subject")}.");
    }

    public static void WriteJson(TextWriter output, RbacDiffResult result) =>
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("subjects");
            foreach (var change in result.Changes)
            {
                json.WriteStartObject();
                RbacJson.WriteSubjectFields(json, change.Subject);
                WriteList(json, "gained", change.Gained);
                WriteList(json, "lost", change.Lost);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("compared");
            json.WriteNumber("subjects", result.SubjectsCompared);
            json.WriteNumber("namespaces", result.NamespacesCompared);
            json.WriteEndObject();
            json.WriteEndObject();
        });

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<PermissionChange> changes)
    {
        json.WriteStartArray(name);
        foreach (var (permission, grant) in changes)
        {
            json.WriteStartObject();
            WriteNullable(json, "namespace", permission.Namespace);
            json.WriteString("verb", permission.Verb);
            WriteNullable(json, "apiGroup", permission.IsResource ? permission.ApiGroup : null);
            WriteNullable(json, "resource", permission.Resource);
            WriteNullable(json, "resourceName", permission.ResourceName);
            WriteNullable(json, "nonResourceURL", permission.NonResourceUrl);
            WriteNullable(json, "binding", grant is null ? null : RbacText.Binding(grant.Binding));
            WriteNullable(json, "role", grant is null ? null : RbacText.Role(grant));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
