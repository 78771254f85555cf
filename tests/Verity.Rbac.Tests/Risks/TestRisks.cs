using Verity.Rbac.Authorization;
using Verity.Rbac.Model;
using Verity.Rbac.Risks;

namespace Verity.Rbac.Tests.Risks;

/// <summary>Runs the risk analyzer on YAML and picks findings out.</summary>
internal static class TestRisks
{
    public static IReadOnlyList<RiskFinding> Analyze(string yaml, RbacOptions? options = null)
    {
        var model = TestRbac.Compile(yaml, options, allowDiagnostics: true);
        return RiskAnalyzer.Analyze(model, new Authorizer(model));
    }

    public static IReadOnlyList<RiskFinding> Of(this IReadOnlyList<RiskFinding> findings, Subject subject) =>
        findings.Where(f => f.Subject == subject).ToList();

    /// <summary><c>risk@scope</c> of each finding of the subject, in the analyzer's order.</summary>
    public static IReadOnlyList<string> Ids(this IReadOnlyList<RiskFinding> findings, Subject subject) =>
        findings.Of(subject).Select(f => $"{f.Risk}@{f.Scope}").ToList();

    public static readonly Subject Alice = Subject.User("alice");
    public static readonly Subject Devs = Subject.Group("devs");

    /// <summary>A role in ns "dev" with the rules, bound to alice in "dev".</summary>
    public static string InDev(params string[] rules) =>
        TestRbac.Role("dev", "r", rules) + TestRbac.RoleBinding("dev", "b", "Role", "r", TestRbac.Alice);

    /// <summary>A ClusterRole with the rules, bound to alice cluster-wide.</summary>
    public static string Everywhere(params string[] rules) =>
        TestRbac.ClusterRole("c", rules) + TestRbac.ClusterRoleBinding("cb", "c", TestRbac.Alice);
}
