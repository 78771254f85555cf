using System.Collections.Concurrent;
using Verity.Cel.Kubernetes;

namespace Verity.Cel.Tests.Kubernetes;

/// <summary>
/// The authz library against a recording fake authorizer; behaviour and error texts from kubernetes
/// staging/src/k8s.io/apiserver/pkg/cel/library/authz.go (doc comment and implementation).
/// </summary>
public sealed class AuthzTests
{
    private sealed class FakeAuthorizer(string who) : ICelAuthorizer
    {
        public ConcurrentQueue<string> Calls { get; } = new();

        public CelAuthorizerDecision Check(string? group, string resource, string? subresource, string? @namespace, string? name, string verb)
        {
            Calls.Enqueue($"{who} {verb} group={group} resource={resource} sub={subresource ?? "<null>"} ns={@namespace} name={name ?? "<null>"}");
            return resource switch
            {
                "secrets" => new CelAuthorizerDecision(false, "secrets are private"),
                "boom" => throw new InvalidOperationException("authorizer backend down"),
                "errs" => new CelAuthorizerDecision(false, "", "webhook timed out"),
                _ => new CelAuthorizerDecision(true, $"allowed for {who}"),
            };
        }

        public CelAuthorizerDecision CheckPath(string path, string verb)
        {
            Calls.Enqueue($"{who} {verb} path={path}");
            return new CelAuthorizerDecision(path == "/healthz", "path rule");
        }

        public ICelAuthorizer? ForServiceAccount(string @namespace, string name) =>
            @namespace == "nosa" ? null : new FakeAuthorizer($"system:serviceaccount:{@namespace}:{name}");
    }

    private static readonly CelEnvironment Env = K8s.Create(KubernetesCel.AuthorizerVariables);

    private static CelResult Run(string expr, FakeAuthorizer az) =>
        K8s.Eval(expr, new Dictionary<string, object?>
        {
            ["authorizer"] = KubernetesCel.Authorizer(az),
            ["authorizer.requestResource"] = KubernetesCel.RequestResource(az, "apps", "deployments", "scale", "prod", "web"),
        }, Env);

    [Fact]
    public void Resource_check_passes_every_attribute_and_returns_the_decision()
    {
        var az = new FakeAuthorizer("alice");
        var r = Run("authorizer.group('apps').resource('deployments').subresource('status').namespace('test').name('backend').check('update')", az);
        Assert.False(r.IsError, r.Error);
        Assert.Equal("alice update group=apps resource=deployments sub=status ns=test name=backend", Assert.Single(az.Calls));
        Assert.Equal(true, Run("authorizer.group('').resource('pods').namespace('default').check('create').allowed()", az).Value!.Raw);
        Assert.Equal("alice create group= resource=pods sub=<null> ns=default name=<null>", az.Calls.Last());
        Assert.Equal("allowed for alice", Run("authorizer.group('').resource('pods').check('list').reason()", az).Value!.Raw);
    }

    [Theory]
    [InlineData("authorizer.group('').resource('secrets').namespace('ns').check('get').allowed()", false)]
    [InlineData("authorizer.group('').resource('secrets').check('get').reason()", "secrets are private")]
    [InlineData("authorizer.group('').resource('secrets').check('get').errored()", false)]
    [InlineData("authorizer.group('').resource('secrets').check('get').error()", "")]
    [InlineData("authorizer.group('').resource('errs').check('get').errored()", true)]
    [InlineData("authorizer.group('').resource('errs').check('get').error()", "webhook timed out")]
    [InlineData("authorizer.group('').resource('boom').check('get').errored()", true)]
    [InlineData("authorizer.group('').resource('boom').check('get').error()", "authorizer backend down")]
    [InlineData("authorizer.group('').resource('boom').check('get').allowed()", false)]
    [InlineData("authorizer.path('/healthz').check('get').allowed()", true)]
    [InlineData("authorizer.path('/metrics').check('get').allowed()", false)]
    [InlineData("authorizer.group('example.com').resource('widgets').subresource('').check('get').allowed()", true)]
    [InlineData("authorizer.group('').resource('pods').fieldSelector('spec.nodeName=mynode').labelSelector('app=x').check('list').allowed()", true)]
    [InlineData("authorizer.requestResource.check('patch').allowed()", true)]
    [InlineData("authorizer.serviceAccount('default', 'myserviceaccount').group('').resource('pods').check('get').reason()", "allowed for system:serviceaccount:default:myserviceaccount")]
    public void Decisions(string expr, object expected)
    {
        var r = Run(expr, new FakeAuthorizer("alice"));
        Assert.False(r.IsError, r.Error);
        Assert.Equal(expected, r.Value!.Raw);
    }

    [Fact]
    public void Request_resource_is_preset_from_the_request()
    {
        var az = new FakeAuthorizer("alice");
        Run("authorizer.requestResource.check('patch').allowed()", az);
        Assert.Equal("alice patch group=apps resource=deployments sub=scale ns=prod name=web", Assert.Single(az.Calls));
    }

    [Theory]
    [InlineData("authorizer.path('').check('get')", "path must not be empty")]
    [InlineData("authorizer.path('  ').check('get')", "path must not be empty")]
    [InlineData("authorizer.group('apps').resource('').check('get')", "resource must not be empty")]
    [InlineData("authorizer.group('apps').resource('  ').check('get')", "resource must not be empty")]
    [InlineData("authorizer.serviceAccount('not@a#valid!namespace', 'validname').path('/x').check('get')", "Invalid service account namespace")]
    [InlineData("authorizer.serviceAccount('valid.example.com', 'invalid@*name').path('/x').check('get')", "Invalid service account name")]
    [InlineData("authorizer.serviceAccount('nosa', 'sa').path('/x').check('get')", "authorizer is not available: the authorizer cannot check service account system:serviceaccount:nosa:sa")]
    public void Errors(string expr, string error) => Assert.Equal(error, Run(expr, new FakeAuthorizer("alice")).Error);

    [Fact]
    public void An_unavailable_authorizer_fails_checks_with_its_reason()
    {
        var r = K8s.Eval("authorizer.group('').resource('pods').check('get').allowed()",
            new Dictionary<string, object?> { ["authorizer"] = KubernetesCel.UnavailableAuthorizer("offline analysis has no RBAC data") }, Env);
        Assert.Equal("authorizer is not available: offline analysis has no RBAC data", r.Error);
        var absorbed = K8s.Eval("true || authorizer.path('/x').check('get').allowed()",
            new Dictionary<string, object?> { ["authorizer"] = KubernetesCel.UnavailableAuthorizer("none") }, Env);
        Assert.Equal(true, absorbed.Value!.Raw);
    }

    [Fact]
    public void Authorizer_must_be_declared() =>
        Assert.Contains("undeclared reference to 'authorizer'", K8s.CompileError("authorizer.path('/healthz').check('get').allowed()"));

    [Fact]
    public void Checks_type_check_to_decisions() =>
        Assert.Equal(CelType.Bool, Env.Compile("authorizer.group('').resource('pods').namespace('x').check('get').allowed()").Program!.ResultType);

    [Fact]
    public void A_check_costs_what_upstream_charges()
    {
        var r = Run("authorizer.path('/healthz').check('get').allowed()", new FakeAuthorizer("alice"));
        Assert.InRange(r.ActualCost, KubernetesCost.AuthzCheckCost, KubernetesCost.AuthzCheckCost + 20);
        var limited = Env.Compile("authorizer.path('/healthz').check('get').allowed()").Program!.Evaluate(
            new Dictionary<string, object?> { ["authorizer"] = KubernetesCel.Authorizer(new FakeAuthorizer("a")) },
            new CelEvaluationOptions { CostLimit = 1000 });
        Assert.Equal("operation cancelled: actual cost limit exceeded", limited.Error);
    }
}
