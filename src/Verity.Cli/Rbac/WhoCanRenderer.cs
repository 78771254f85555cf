using Verity.Cli.Output;
using Verity.Rbac.Authorization;

namespace Verity.Cli.Rbac;

/// <summary>
/// <c>who-can</c> output. Table: SUBJECT, BINDING, ROLE, VIA (the group through which a service account is allowed).
/// JSON: <c>{"request":{...},"subjects":[{kind,name,namespace,viaGroup,binding,role,rule,ruleOrigin}]}</c>.
/// Members of system:masters are allowed everything without RBAC and are not listed (said under the table).
/// </summary>
internal static class WhoCanRenderer
{
    public static void WriteTable(TextWriter output, RequestQuery query, IReadOnlyList<WhoCanEntry> entries)
    {
        if (entries.Count == 0)
        {
            output.WriteLine($"No subject may {query}.");
            return;
        }
        Columns.Write(output, ["SUBJECT", "BINDING", "ROLE", "VIA"], entries.Select(e => (IReadOnlyList<string>)
            [e.Subject.ToString(), RbacText.Binding(e.Grant.Binding), RbacText.Role(e.Grant), e.ViaGroup is null ? "" : $"group {e.ViaGroup}"]));
        output.WriteLine();
        output.WriteLine($"{entries.Count} {(entries.Count == 1 ? "grant" : "grants")} allow {query} (members of system:masters, allowed everything, are not listed).");
    }

    public static void WriteJson(TextWriter output, RequestAttributes request, IReadOnlyList<WhoCanEntry> entries) =>
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            RbacJson.WriteRequest(json, request);
            json.WriteStartArray("subjects");
            foreach (var entry in entries)
            {
                json.WriteStartObject();
                RbacJson.WriteSubjectFields(json, entry.Subject);
                if (entry.ViaGroup is null) json.WriteNull("viaGroup");
                else json.WriteString("viaGroup", entry.ViaGroup);
                json.WriteString("binding", RbacText.Binding(entry.Grant.Binding));
                json.WriteString("role", RbacText.Role(entry.Grant));
                RbacJson.WriteRule(json, entry.Grant.Rule);
                json.WriteString("ruleOrigin", entry.Grant.Rule.Origin.ToString());
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
}
