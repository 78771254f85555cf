using Verity.Cli.Output;
using Verity.Rbac.Authorization;

namespace Verity.Cli.Rbac;

/// <summary>
/// <c>can-i -o json</c>: <c>{"allowed","reason","user":{name,groups},"request":{...},"grant":{binding,subject,role,rule,ruleOrigin}|null}</c>.
/// The grant is null when denied, and when allowed because the user is in system:masters (the reason says so).
/// </summary>
internal static class CanIJsonRenderer
{
    public static void Write(TextWriter output, RequestAttributes request, AuthorizationDecision decision) =>
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteBoolean("allowed", decision.Allowed);
            json.WriteString("reason", decision.Reason);
            RbacJson.WriteUser(json, request.User);
            RbacJson.WriteRequest(json, request);
            RbacJson.WriteGrant(json, decision.Grant);
            json.WriteEndObject();
        });
}
