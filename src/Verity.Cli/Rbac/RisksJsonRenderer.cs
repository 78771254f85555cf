using System.Text.Json;
using Verity.Cli.Output;
using Verity.Rbac.Risks;
using Verity.Rbac.Scoring;

namespace Verity.Cli.Rbac;

/// <summary>
/// <c>risks -o json</c> (docs/cli.md): <c>{"findings":[finding...],"scores":{"cluster","lowest","namespaces":[{"name",
/// "score","accounts","lowest"}],"accounts":[{"namespace","name","score","findings":["risk@scope"...]}]}}</c>, a finding
/// as docs/rbac.md writes it and <c>lowest</c> an account (or null when no service account was scored).
/// </summary>
internal static class RisksJsonRenderer
{
    public static void Write(TextWriter output, IReadOnlyList<RiskFinding> findings, LeastPrivilegeScores scores) =>
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("findings");
            foreach (var finding in findings) WriteFinding(json, finding);
            json.WriteEndArray();
            json.WriteStartObject("scores");
            json.WriteNumber("cluster", scores.Cluster);
            if (scores.Lowest is null) json.WriteNull("lowest");
            else
            {
                json.WritePropertyName("lowest");
                WriteAccount(json, scores.Lowest);
            }
            json.WriteStartArray("namespaces");
            foreach (var ns in scores.Namespaces)
            {
                json.WriteStartObject();
                json.WriteString("name", ns.Namespace);
                json.WriteNumber("score", ns.Score);
                json.WriteNumber("accounts", ns.Accounts);
                json.WriteNumber("lowest", ns.Lowest);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("accounts");
            foreach (var account in scores.Accounts) WriteAccount(json, account);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        });

    public static void WriteFinding(Utf8JsonWriter json, RiskFinding finding)
    {
        json.WriteStartObject();
        json.WriteString("risk", finding.Risk);
        RiskEvidenceJson.WriteSubject(json, "subject", finding.Subject);
        json.WriteString("scope", finding.Scope);
        json.WriteString("severity", finding.Severity);
        RbacJson.WriteStrings(json, "names", finding.Names);
        RiskEvidenceJson.WriteEvidence(json, finding.Evidence);
        json.WriteString("remediation", finding.Remediation);
        RbacJson.WriteStrings(json, "controls", finding.Controls);
        json.WriteEndObject();
    }

    private static void WriteAccount(Utf8JsonWriter json, AccountScore account)
    {
        json.WriteStartObject();
        json.WriteString("namespace", account.Account.Namespace);
        json.WriteString("name", account.Account.Name);
        json.WriteNumber("score", account.Score);
        RbacJson.WriteStrings(json, "findings", account.Findings);
        json.WriteEndObject();
    }
}
