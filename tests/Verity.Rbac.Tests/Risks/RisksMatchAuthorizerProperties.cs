using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Rbac.Authorization;
using Verity.Rbac.Model;
using Verity.Rbac.Risks;
using Verity.Rbac.Tests.Reference;

namespace Verity.Rbac.Tests.Risks;

/// <summary>
/// Differential check of the analyzer against plain <see cref="Authorizer.Authorize"/> on random RBAC
/// (<see cref="RandomRbac"/>: wildcards, subresources, resourceNames, aggregation, implicit groups):
/// an unrestricted finding holds in a namespace exactly when the authorizer allows one of its requests there
/// for any object. Subsumption is taken into account (cluster-admin, namespace-admin).
/// </summary>
public sealed class RisksMatchAuthorizerProperties
{
    private static readonly (string Risk, (string Verb, string Group, string Resource, string Sub)[] Requests)[] Checks =
    [
        (RiskCatalog.ReadSecrets, [("get", "", "secrets", ""), ("list", "", "secrets", ""), ("watch", "", "secrets", "")]),
        (RiskCatalog.PodExec, [("create", "", "pods", "exec"), ("create", "", "pods", "attach")]),
        (RiskCatalog.CreateWorkload, [("create", "", "pods", ""), ("create", "apps", "deployments", ""), ("update", "apps", "deployments", ""), ("patch", "apps", "deployments", "")]),
        (RiskCatalog.NamespaceAdmin, [("*", "*", "*", "")]),
    ];

    [Property(MaxTest = 300)]
    public Property UnrestrictedFindingsAgreeWithAuthorize(int seed)
    {
        var yaml = RandomRbac.Yaml(new Random(seed));
        var model = RbacModel.FromSnapshot(SnapshotBuilder.Build(ManifestParser.Parse(yaml, "random.yaml").Objects));
        var authorizer = new Authorizer(model);
        var findings = RiskAnalyzer.Analyze(model, authorizer);
        var problems = new List<string>();
        foreach (var subject in model.Subjects)
        {
            var user = UserInfo.For(subject);
            var mine = findings.Where(f => f.Subject == subject && f.Names.Count == 0).ToList();
            foreach (var ns in new[] { "a", "b" })
            {
                var inScope = mine.Where(f => f.Scope is RiskScope.Cluster or RiskScope.AllNamespaces || f.Scope == RiskScope.Namespace(ns)).Select(f => f.Risk).ToHashSet();
                foreach (var (risk, requests) in Checks)
                {
                    var allowed = requests.Any(r => authorizer.Authorize(RequestAttributes.ForResource(user, r.Verb, r.Group, r.Resource, r.Sub, null, ns)).Allowed);
                    var found = inScope.Contains(risk) || inScope.Contains(RiskCatalog.ClusterAdmin)
                        || risk != RiskCatalog.NamespaceAdmin && inScope.Contains(RiskCatalog.NamespaceAdmin);
                    if (allowed != found) problems.Add($"{subject} {risk} in {ns}: authorizer {allowed}, analyzer {found}");
                }
            }
        }
        return (problems.Count == 0).Label($"{string.Join("\n", problems.Take(5))}\n{yaml}");
    }
}
