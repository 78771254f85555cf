using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Rbac.Authorization;
using Verity.Rbac.Model;

namespace Verity.Rbac.Tests.Reference;

/// <summary>
/// The indexed <see cref="Authorizer"/> must agree with <see cref="ReferenceAuthorizer"/> on random RBAC
/// states and requests; its grants must really allow; and WhoCan and RulesFor must tell the same story.
/// </summary>
public sealed class AuthorizerMatchesReferenceProperties
{
    private static (RbacModel Model, string Yaml, List<string> Problems) Build(int seed)
    {
        var yaml = RandomRbac.Yaml(new Random(seed));
        var loaded = ManifestParser.Parse(yaml, "random.yaml");
        var model = RbacModel.FromSnapshot(SnapshotBuilder.Build(loaded.Objects));
        // Dangling roleRefs (VT3002) are expected in random states; nothing else is.
        var problems = loaded.Diagnostics.Concat(model.Diagnostics).Where(d => d.Code != RbacDiagnostics.MissingRole).Select(d => d.ToString()).ToList();
        return (model, yaml, problems);
    }

    [Property(MaxTest = 400)]
    public Property AuthorizeAgreesWithReference(int seed)
    {
        var (model, yaml, problems) = Build(seed);
        var authorizer = new Authorizer(model);
        var random = new Random(seed ^ 0x5bd1e995);
        for (var i = 0; i < 80; i++)
        {
            var request = RandomRbac.Request(random);
            var decision = authorizer.Authorize(request);
            var expected = ReferenceAuthorizer.Allowed(model, request);
            if (decision.Allowed != expected) problems.Add($"{request} [{string.Join(",", request.User.Groups)}]: engine {decision.Allowed}, reference {expected}");
            if (decision.Grant is { } g && !(ReferenceAuthorizer.RuleAllows(g.Rule, request) && ReferenceAuthorizer.SubjectIs(g.Subject, request.User)
                && g.Binding.Subjects.Contains(g.Subject) && g.Binding.Role == g.Role && g.Role.Rules.Contains(g.Rule)))
                problems.Add($"{request}: grant {g} does not explain the decision");
        }
        return (problems.Count == 0).Label($"{string.Join("\n", problems.Take(5))}\n{yaml}");
    }

    /// <summary>A service account is listed by WhoCan (directly or through its implicit groups) exactly when Authorize allows it.</summary>
    [Property(MaxTest = 200)]
    public Property WhoCanAgreesWithAuthorize(int seed)
    {
        var (model, yaml, problems) = Build(seed);
        var authorizer = new Authorizer(model);
        var random = new Random(seed ^ 0x2545F491);
        for (var i = 0; i < 30; i++)
        {
            var request = RandomRbac.Request(random);
            var listed = authorizer.WhoCan(request).Select(e => e.Subject).ToHashSet();
            foreach (var sa in model.ServiceAccounts)
            {
                var allowed = authorizer.Authorize(request with { User = UserInfo.For(sa) }).Allowed;
                if (allowed != listed.Contains(sa)) problems.Add($"{request} for {sa}: authorize {allowed}, who-can {!allowed}");
            }
        }
        return (problems.Count == 0).Label($"{string.Join("\n", problems.Take(5))}\n{yaml}");
    }

    /// <summary>Authorize allows exactly when one of RulesFor's rules (for the request's scope) matches the request.</summary>
    [Property(MaxTest = 200)]
    public Property RulesForAgreesWithAuthorize(int seed)
    {
        var (model, yaml, problems) = Build(seed);
        var authorizer = new Authorizer(model);
        var random = new Random(seed ^ 0x68E31DA4);
        for (var i = 0; i < 40; i++)
        {
            var request = RandomRbac.Request(random);
            if (request.User.IsSystemMaster) continue;
            var rules = authorizer.RulesFor(request.User, request.IsResourceRequest ? request.Namespace : null);
            var list = request.IsResourceRequest ? rules.ResourceRules : rules.NonResourceRules;
            var byRules = list.Any(g => ReferenceAuthorizer.RuleAllows(g.Rule, request));
            var allowed = authorizer.Authorize(request).Allowed;
            if (byRules != allowed) problems.Add($"{request}: authorize {allowed}, rules-for {byRules}");
        }
        return (problems.Count == 0).Label($"{string.Join("\n", problems.Take(5))}\n{yaml}");
    }
}
