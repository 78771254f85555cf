using Verity.Cli.Output;
using Verity.Rbac.Paths;

namespace Verity.Cli.Rbac;

/// <summary>
/// <c>paths -o json</c> (docs/cli.md): <c>{"paths":[{"workload":"NS/Kind/name","goal","steps":[{"from","to","risk",
/// "scope","evidence":[...]}]}]}</c>. <c>from</c>/<c>to</c> are written as in the table (<c>Deployment ns/name</c>,
/// <c>ServiceAccount ns/name</c>, <c>goal read-all-secrets</c>); a <c>runs-as</c> step has scope null and no evidence.
/// </summary>
internal static class PathsJsonRenderer
{
    public static void Write(TextWriter output, IReadOnlyList<EscalationPath> paths) =>
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("paths");
            foreach (var path in paths)
            {
                json.WriteStartObject();
                json.WriteString("workload", $"{path.Start.Namespace}/{path.Start.Name}");
                json.WriteString("goal", path.Goal.Name);
                json.WriteStartArray("steps");
                foreach (var step in path.Steps)
                {
                    json.WriteStartObject();
                    json.WriteString("from", step.From.ToString());
                    json.WriteString("to", step.To.ToString());
                    json.WriteString("risk", step.Risk);
                    if (step.Scope is null) json.WriteNull("scope");
                    else json.WriteString("scope", step.Scope);
                    RiskEvidenceJson.WriteEvidence(json, step.Evidence);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
}
