using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Rbac.Authorization;
using Verity.Rbac.Diff;
using Verity.Rbac.Model;
using Verity.Rbac.Tests.Reference;

namespace Verity.Rbac.Tests.Diff;

/// <summary>
/// <see cref="RbacDiff"/> enumerates only the permissions rules spell; its documented definition is over the whole
/// universe of tokens. On random before/after states, the engine's gained and lost lists must equal the maximal
/// elements of (held after \ held before) and the reverse, with "held" decided by <see cref="ReferenceAuthorizer"/> for
/// every permission of the universe (every verb, group, resource, name and URL token of either state, plus <c>*</c>).
/// </summary>
public sealed class RbacDiffMatchesBruteForceProperties
{
    private static RbacModel Build(int seed) =>
        RbacModel.FromSnapshot(SnapshotBuilder.Build(ManifestParser.Parse(RandomRbac.Yaml(new Random(seed)), "random.yaml").Objects));

    [Property(MaxTest = 60)]
    public Property GainedAndLostAreTheMaximalDifferences(int seedBefore, int seedAfter)
    {
        var (before, after) = (Build(seedBefore), Build(seedAfter));
        var result = RbacDiff.Compare(before, after);
        var universe = Universe(before, after).ToList();
        var problems = new List<string>();
        foreach (var subject in before.Subjects.Union(after.Subjects))
        {
            var user = UserInfo.For(subject);
            var heldBefore = universe.Where(p => Held(before, user, p)).ToHashSet();
            var heldAfter = universe.Where(p => Held(after, user, p)).ToHashSet();
            var change = result.Changes.SingleOrDefault(c => c.Subject == subject);
            Check(subject, "gained", Maximal(heldAfter.Except(heldBefore)), change?.Gained, problems);
            Check(subject, "lost", Maximal(heldBefore.Except(heldAfter)), change?.Lost, problems);
            foreach (var g in change?.Gained ?? [])
            {
                if (g.Grant is { } grant && !ReferenceAuthorizer.RuleAllows(grant.Rule, Request(g.Permission, user)))
                    problems.Add($"{subject}: grant {grant} does not allow {g.Permission}");
            }
        }
        return (problems.Count == 0).Label(string.Join("\n", problems.Take(8)));
    }

    private static void Check(Subject subject, string what, IEnumerable<Permission> expected, IReadOnlyList<PermissionChange>? actual, List<string> problems)
    {
        var want = expected.Select(p => p.ToString()).Order(StringComparer.Ordinal).ToList();
        var got = (actual ?? []).Select(c => c.Permission.ToString()).Order(StringComparer.Ordinal).ToList();
        if (!want.SequenceEqual(got))
            problems.Add($"{subject} {what}: expected [{string.Join("; ", want)}], engine [{string.Join("; ", got)}]");
    }

    private static List<Permission> Maximal(IEnumerable<Permission> set)
    {
        var list = set.ToList();
        return list.Where(p => !list.Any(q => q != p && q.Covers(p))).ToList();
    }

    private static bool Held(RbacModel model, UserInfo user, Permission p) =>
        !(p.Namespace is not null && p.IsResource && RbacDiff.IsClusterScoped(p.ApiGroup, p.Resource!))
        && ReferenceAuthorizer.Allowed(model, Request(p, user));

    private static RequestAttributes Request(Permission p, UserInfo user) => p.ToRequest() with { User = user };

    private static IEnumerable<Permission> Universe(RbacModel before, RbacModel after)
    {
        var rules = before.Roles.Concat(after.Roles).SelectMany(r => r.Rules).ToList();
        var verbs = rules.SelectMany(r => r.Verbs).Append("*").Distinct().ToList();
        var groups = rules.SelectMany(r => r.ApiGroups).Append("*").Distinct().ToList();
        var resources = rules.SelectMany(r => r.Resources).Append("*").Distinct().ToList();
        var names = rules.SelectMany(r => r.ResourceNames).Select(n => (string?)n).Append(null).Distinct().ToList();
        var urls = rules.SelectMany(r => r.NonResourceUrls).Append("*").Distinct().ToList();
        var scopes = before.Namespaces.Union(after.Namespaces).Select(n => (string?)n).Prepend(null).ToList();
        foreach (var scope in scopes)
            foreach (var verb in verbs)
                foreach (var group in groups)
                    foreach (var resource in resources)
                        foreach (var name in names)
                            yield return new Permission { Namespace = scope, Verb = verb, ApiGroup = group, Resource = resource, ResourceName = name };
        foreach (var verb in verbs)
            foreach (var url in urls)
                yield return new Permission { Verb = verb, NonResourceUrl = url };
    }
}
