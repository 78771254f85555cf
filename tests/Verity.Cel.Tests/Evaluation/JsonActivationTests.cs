using System.Text.Json;

namespace Verity.Cel.Tests.Evaluation;

/// <summary>Kubernetes-style evaluation directly over System.Text.Json values.</summary>
public sealed class JsonActivationTests
{
    private static readonly JsonElement Pod = CelTestHelpers.Json("""
        {
          "apiVersion": "v1",
          "kind": "Pod",
          "metadata": {"name": "web-1", "namespace": "prod", "labels": {"app": "web", "tier": "frontend"}},
          "spec": {
            "replicas": 3,
            "ratio": 1.0,
            "hostNetwork": false,
            "containers": [
              {"name": "app", "image": "registry.example.com/web:1.2", "ports": [{"containerPort": 8080}]},
              {"name": "sidecar", "image": "busybox", "securityContext": {"privileged": true}}
            ]
          }
        }
        """);

    private static readonly CelEnvironment Env = CelTestHelpers.EnvWith(("object", CelType.Dyn), ("oldObject", CelType.Dyn),
        ("params", CelType.Map(CelType.String, CelType.Dyn)));

    private static object? V(string expr, JsonElement? old = null) => CelTestHelpers.Value(expr,
        new Dictionary<string, object?> { ["object"] = Pod, ["oldObject"] = old, ["params"] = CelTestHelpers.Json("{\"maxReplicas\": 5}") }, Env);

    [Theory]
    [InlineData("object.metadata.name", "web-1")]
    [InlineData("object.metadata.labels['app']", "web")]
    [InlineData("object.spec.containers.size()", 2L)]
    [InlineData("object.spec.containers[0].ports[0].containerPort", 8080L)]
    [InlineData("type(object.spec.replicas) == int", true)]
    [InlineData("type(object.spec.ratio) == double", true)]
    [InlineData("object.spec.replicas <= params.maxReplicas", true)]
    [InlineData("object.spec.containers.all(c, c.image.startsWith('registry.example.com/'))", false)]
    [InlineData("object.spec.containers.exists(c, has(c.securityContext) && c.securityContext.privileged)", true)]
    [InlineData("object.spec.containers.map(c, c.name).join(',')", "app,sidecar")]
    [InlineData("'tier' in object.metadata.labels", true)]
    [InlineData("has(object.spec.nodeName)", false)]
    [InlineData("object.?spec.?nodeName.orValue('none')", "none")]
    [InlineData("object.metadata.labels.all(k, v, k.size() > 0 && v != '')", true)]
    [InlineData("oldObject == null", true)]
    public void Reads_kubernetes_objects_from_json(string expr, object expected) => Assert.Equal(expected, V(expr));

    [Fact]
    public void Missing_field_is_an_error_value_not_an_exception()
    {
        var r = CelTestHelpers.Eval("object.spec.nodeName == 'x'", new Dictionary<string, object?> { ["object"] = Pod }, env: Env);
        Assert.True(r.IsError);
        Assert.Contains("no such key: nodeName", r.Error);
    }

    [Fact]
    public void Json_result_round_trips()
    {
        var r = CelTestHelpers.Eval("object.metadata.labels", new Dictionary<string, object?> { ["object"] = Pod }, env: Env);
        Assert.Equal("{\"app\":\"web\",\"tier\":\"frontend\"}", r.Value!.ToJsonString());
    }

    [Fact]
    public void Program_is_reusable_across_threads()
    {
        var program = Env.Compile("object.spec.replicas * 2").Program!;
        var results = Enumerable.Range(0, 64).AsParallel().Select(i =>
        {
            var obj = CelTestHelpers.Json($"{{\"spec\": {{\"replicas\": {i}}}}}");
            return program.Evaluate(new Dictionary<string, object?> { ["object"] = obj }).Value!.ToObject();
        }).ToList();
        Assert.Equal(Enumerable.Range(0, 64).Select(i => (object?)(long)(i * 2)).OrderBy(x => (long)x!), results.OrderBy(x => (long)x!));
    }

    [Fact]
    public void Opaque_object_types_read_json_fields_as_dyn()
    {
        var env = CelTestHelpers.EnvWith(("object", CelType.Object("io.k8s.api.core.v1.Pod")));
        var c = env.Compile("object.metadata.name + '/' + object.spec.containers[0].name");
        Assert.True(c.Success, string.Join("; ", c.Issues));
        Assert.Equal("web-1/app", c.Program!.Evaluate(new Dictionary<string, object?> { ["object"] = Pod }).Value!.ToObject());
    }

    [Fact]
    public void Error_values_bound_as_variables_propagate_and_are_absorbed()
    {
        var env = CelTestHelpers.EnvWith(("v", CelType.Bool));
        var vars = new Dictionary<string, object?> { ["v"] = CelErrorValue.Of("variable failed") };
        Assert.Equal("variable failed", env.Compile("v && true").Program!.Evaluate(vars).Error);
        Assert.True(env.Compile("v || true").Program!.Evaluate(vars).IsTrue);
    }

    [Fact]
    public void Plain_dotnet_values_are_accepted()
    {
        var env = CelTestHelpers.EnvWith(("n", CelType.Int), ("tags", CelType.List(CelType.String)), ("m", CelType.Map(CelType.String, CelType.Int)));
        var vars = new Dictionary<string, object?> { ["n"] = 3, ["tags"] = new[] { "a", "b" }, ["m"] = new Dictionary<string, int> { ["x"] = 1 } };
        Assert.Equal(true, CelTestHelpers.Value("n == 3 && 'b' in tags && m.x == 1", vars, env));
    }
}
