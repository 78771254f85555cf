using Verity.Core.Model;
using Verity.Rbac.Authorization;
using Verity.Rbac.Model;
using static Verity.Rbac.Tests.TestRbac;

namespace Verity.Rbac.Tests.Model;

/// <summary>Malformed RBAC objects become diagnostics with their location and are skipped (fail-closed), never exceptions.</summary>
public sealed class CompilationTests
{
    private const string Header = "---\napiVersion: rbac.authorization.k8s.io/v1\n";

    [Fact]
    public void BindingWithoutRoleRefIsReportedAndSkipped()
    {
        var model = Compile(Header + "kind: ClusterRoleBinding\nmetadata: {name: b}\nsubjects: [" + Alice + "]\n", allowDiagnostics: true);
        var d = Assert.Single(model.Diagnostics);
        Assert.Equal(RbacDiagnostics.InvalidRbac, d.Code);
        Assert.Equal(DiagnosticLevel.Error, d.Level);
        Assert.Equal("ClusterRoleBinding b: roleRef is missing or not a mapping; the binding grants nothing", d.Message);
        Assert.Equal("test.yaml", d.Location!.File);
        Assert.Empty(model.Bindings);
    }

    [Theory]
    [InlineData("ClusterRoleBinding", "{apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}", "roleRef.kind must be ClusterRole")]
    [InlineData("RoleBinding", "{apiGroup: rbac.authorization.k8s.io, kind: Secret, name: r}", "roleRef.kind must be Role or ClusterRole")]
    [InlineData("RoleBinding", "{kind: ClusterRole, name: r}", "roleRef.apiGroup must be \"rbac.authorization.k8s.io\"")]
    [InlineData("RoleBinding", "{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole}", "roleRef.name is required")]
    public void InvalidRoleRefs(string kind, string roleRef, string problem)
    {
        var model = Compile(ClusterRole("r") + Header + $"kind: {kind}\nmetadata: {{name: b, namespace: ns}}\nroleRef: {roleRef}\nsubjects: [{Alice}]\n", allowDiagnostics: true);
        var d = Assert.Single(model.Diagnostics);
        Assert.EndsWith($"{problem}; the binding grants nothing", d.Message);
        Assert.Equal("roleRef", d.FieldPath);
        Assert.Equal(10, d.Location!.Line); // the roleRef line of the binding (the ClusterRole takes lines 1-5)
        Assert.Empty(model.Bindings);
    }

    [Theory]
    [InlineData("{kind: Robot, name: r2}", "unknown subject kind \"Robot\" (User, Group or ServiceAccount)")]
    [InlineData("{kind: User, apiGroup: '', name: ''}", "subject name is required")]
    [InlineData("{kind: User, apiGroup: v1, name: bob}", "apiGroup of a User must be \"rbac.authorization.k8s.io\"")]
    [InlineData("{kind: ServiceAccount, apiGroup: rbac.authorization.k8s.io, name: sa, namespace: x}", "apiGroup of a ServiceAccount must be \"\"")]
    [InlineData("{kind: ServiceAccount, name: sa}", "a ServiceAccount subject of a ClusterRoleBinding needs a namespace")]
    [InlineData("just-a-string", "a subject must be a mapping")]
    public void InvalidSubjectsAreDroppedAndTheOthersKept(string subject, string problem)
    {
        var model = Compile(ClusterRole("r", "{apiGroups: [''], resources: [pods], verbs: [get]}") + ClusterRoleBinding("b", "r", subject, Alice), allowDiagnostics: true);
        var d = Assert.Single(model.Diagnostics);
        Assert.Equal($"ClusterRoleBinding b: {problem}; the subject is ignored", d.Message);
        Assert.Equal("subjects[0]", d.FieldPath);
        Assert.Equal([Subject.User("alice")], Assert.Single(model.Bindings).Subjects);
        Assert.True(new Authorizer(model).Can(User("alice"), "get", "", "pods", name: "p", ns: "a"));
    }

    [Fact]
    public void UserAndGroupSubjectsWithoutApiGroupAreDefaulted()
    {
        var model = Compile(ClusterRole("r") + ClusterRoleBinding("b", "r", "{kind: User, name: u}", "{kind: Group, name: g}"));
        Assert.Equal([Subject.User("u"), Subject.Group("g")], Assert.Single(model.Bindings).Subjects);
    }

    [Fact]
    public void RulesOfTheWrongTypeAreReportedAndSkipped()
    {
        var model = Compile(ClusterRole("r",
            "{apiGroups: [''], resources: pods, verbs: [get]}",
            "not-a-rule",
            "{apiGroups: [''], resources: [pods], verbs: [list, 3]}",
            "{apiGroups: [''], resources: [pods], verbs: [watch]}"), allowDiagnostics: true);
        Assert.Equal(
            ["rules[0].resources: ClusterRole r: resources must be a list of strings; the rule is ignored",
             "rules[1]: ClusterRole r: a rule must be a mapping",
             "rules[2].verbs: ClusterRole r: verbs must be a list of strings; the rule is ignored"],
            model.Diagnostics.Select(d => $"{d.FieldPath}: {d.Message}"));
        var rule = Assert.Single(Assert.Single(model.Roles).Rules);
        Assert.Equal(["watch"], rule.Verbs);
        Assert.Equal(3, rule.Origin.RuleIndex);
    }

    [Theory]
    [InlineData("ClusterRole", "{apiGroups: [''], resources: [pods], verbs: []}", "verbs", "verbs must contain at least one value")]
    [InlineData("ClusterRole", "{resources: [pods], verbs: [get]}", "apiGroups", "resource rules must supply at least one api group")]
    [InlineData("ClusterRole", "{apiGroups: [''], verbs: [get]}", "resources", "resource rules must supply at least one resource")]
    [InlineData("ClusterRole", "{nonResourceURLs: [/x], resources: [pods], verbs: [get]}", "nonResourceURLs", "rules cannot apply to both regular resources and non-resource URLs")]
    [InlineData("ClusterRole", "{nonResourceURLs: [/x], resourceNames: [a], verbs: [get]}", "nonResourceURLs", "rules cannot apply to both regular resources and non-resource URLs")]
    [InlineData("Role", "{nonResourceURLs: [/x], verbs: [get]}", "nonResourceURLs", "namespaced rules cannot apply to non-resource URLs")]
    public void RulesTheApiServerRejectsAreReportedAndIgnored(string kind, string rule, string field, string message)
    {
        var yaml = kind == "Role" ? Role("a", "r", rule, "{apiGroups: [''], resources: [pods], verbs: [get]}")
            : ClusterRole("r", rule, "{apiGroups: [''], resources: [pods], verbs: [get]}");
        var model = Compile(yaml, allowDiagnostics: true);
        var d = Assert.Single(model.Diagnostics);
        Assert.Equal($"rules[0].{field}", d.FieldPath);
        Assert.EndsWith($": {message}; the rule is ignored", d.Message);
        Assert.Equal(1, Assert.Single(Assert.Single(model.Roles).Rules).Origin.RuleIndex);
    }

    [Fact]
    public void RulesThatAreNotAListAreReported()
    {
        var model = Compile(Header + "kind: Role\nmetadata: {name: r, namespace: a}\nrules: {verbs: [get]}\n", allowDiagnostics: true);
        Assert.Equal("Role a/r: rules must be a list", Assert.Single(model.Diagnostics).Message);
        Assert.Empty(Assert.Single(model.Roles).Rules);
    }

    [Fact]
    public void RuleOriginLocatesTheRule()
    {
        var model = Compile(ClusterRole("a") + ClusterRole("r", "{apiGroups: [''], resources: [pods], verbs: [get]}", "{apiGroups: [''], resources: [pods], verbs: [list]}"));
        var origin = model.Roles.Single(r => r.Name == "r").Rules[1].Origin;
        Assert.Equal(new SourceLocation("test.yaml", 12, 3), origin.Location());
        Assert.Equal(new RuleOrigin("ClusterRole", null, "r", 1), origin); // equality ignores the source
    }

    [Fact]
    public void NullRulesAreNoRules()
    {
        var model = Compile(Header + "kind: ClusterRole\nmetadata: {name: r}\nrules: null\n");
        Assert.Empty(Assert.Single(model.Roles).Rules);
    }

    [Fact]
    public void InvalidAggregationSelectorSelectsNothing()
    {
        var model = Compile(Header + "kind: ClusterRole\nmetadata: {name: agg}\naggregationRule:\n  clusterRoleSelectors:\n  - matchExpressions: [{key: a, operator: Bogus}]\n"
            + ClusterRole("x", "{apiGroups: [''], resources: [pods], verbs: [get]}"), allowDiagnostics: true);
        var d = Assert.Single(model.Diagnostics);
        Assert.Equal("aggregationRule.clusterRoleSelectors[0]", d.FieldPath);
        Assert.Empty(model.Roles.Single(r => r.Name == "agg").Rules);
    }

    [Fact]
    public void MissingRoleIsAWarningAndTheBindingIsKept()
    {
        var model = Compile(ClusterRoleBinding("b", "ghost", Alice), allowDiagnostics: true);
        var d = Assert.Single(model.Diagnostics);
        Assert.Equal((DiagnosticLevel.Warning, RbacDiagnostics.MissingRole), (d.Level, d.Code));
        Assert.Equal("ClusterRoleBinding b: ClusterRole \"ghost\" is not in the input; the binding grants nothing", d.Message);
        Assert.Null(Assert.Single(model.Bindings).Role);
    }
}
