using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verity.Rbac.Authorization;
using Verity.Rbac.Model;

namespace Verity.Rbac.Tests.Reference;

/// <summary>
/// One generated rule against one generated request: the engine's RuleMatcher (RuleAllows) must agree
/// with the reference's spelled-out matching. Generated with FsCheck generators, so a failure shrinks
/// to a minimal rule and request.
/// </summary>
public sealed class RuleMatcherProperties
{
    private static readonly string[] Verbs = ["get", "list", "*", "escalate", "bind"];
    private static readonly string[] Groups = ["", "apps", "*"];
    private static readonly string[] Resources = ["pods", "pods/exec", "pods/*", "*", "*/scale", "*/exec", "deployments/scale", "*/*", "*/"];
    private static readonly string[] Names = ["n1", "n2", ""];
    private static readonly string[] Urls = ["/healthz", "/api/*", "*", "/api", "/a**", "/"];
    private static readonly string[] Paths = ["/healthz", "/api", "/api/v1", "/a", "/", "/healthz/x"];

    private static Gen<IReadOnlyList<string>> Some(string[] values) =>
        Gen.Elements(values).ListOf().Resize(3).Select(l => (IReadOnlyList<string>)l.Distinct().ToList());

    private static readonly Gen<PolicyRule> Rules =
        from verbs in Some(Verbs)
        from groups in Some(Groups)
        from resources in Some(Resources)
        from names in Gen.Frequency((3, Gen.Constant<IReadOnlyList<string>>([])), (1, Some(Names)))
        from urls in Gen.Frequency((3, Gen.Constant<IReadOnlyList<string>>([])), (1, Some(Urls)))
        select new PolicyRule
        {
            Verbs = verbs, ApiGroups = groups, Resources = resources, ResourceNames = names, NonResourceUrls = urls,
            Origin = new RuleOrigin("ClusterRole", null, "r", 0),
        };

    private static readonly Gen<RequestAttributes> Requests =
        from resource in Gen.Elements(true, true, true, false)
        from verb in Gen.Elements("get", "list", "*", "escalate", "delete")
        from apiGroup in Gen.Elements(Groups)
        from res in Gen.Elements("pods", "deployments", "*")
        from sub in Gen.Elements("", "", "exec", "scale", "*")
        from name in Gen.Elements("", "n1", "n2")
        from path in Gen.Elements(Paths)
        select resource
            ? new RequestAttributes { User = new UserInfo("u", []), Verb = verb, IsResourceRequest = true, ApiGroup = apiGroup, Resource = res, Subresource = sub, Name = name, Namespace = "ns" }
            : RequestAttributes.ForNonResource(new UserInfo("u", []), verb, path);

    [Property(MaxTest = 2000)]
    public Property RuleAllowsAgreesWithReference() =>
        Prop.ForAll(Rules.ToArbitrary(), Requests.ToArbitrary(), (rule, request) =>
            (RuleMatcher.Allows(request, rule) == ReferenceAuthorizer.RuleAllows(rule, request)).Label($"{rule} / {request}"));
}
