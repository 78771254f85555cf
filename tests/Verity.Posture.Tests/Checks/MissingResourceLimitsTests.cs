using Verity.Posture.Checks;

namespace Verity.Posture.Tests.Checks;

public sealed class MissingResourceLimitsTests
{
    private const string Containers = """
        initContainers:
          - name: migrate
            image: migrate:1.0
        containers:
          - name: web
            image: web:1.0
            resources:
              limits:
                cpu: 500m
                memory: 256Mi
          - name: sidecar
            image: proxy:1.0
            resources:
              requests:
                cpu: 100m
              limits:
                cpu: 200m
        """;

    private static string LimitRange(string ns, string type, string defaults) => $"""
        apiVersion: v1
        kind: LimitRange
        metadata:
          name: defaults
          namespace: {ns}
        spec:
          limits:
            - type: {type}
              default:
                {defaults}
        """;

    [Fact]
    public void Reports_each_container_without_a_limit_including_init_containers_at_resources_limits()
    {
        var findings = new MissingResourceLimits().Evaluate(TestSnapshots.From(TestSnapshots.Deployment("web", Containers))).ToList();

        Assert.Equal(["VT-RES-001 shop/Deployment/web @ -:16:11", "VT-RES-001 shop/Deployment/web @ -:31:15"], TestSnapshots.Lines(findings));
        Assert.Equal("init container \"migrate\" has no cpu or memory limit, so it can starve its node; set resources.limits", findings[0].Message);
        Assert.Equal("init container \"migrate\": resources.limits.cpu, resources.limits.memory not set", findings[0].Evidence);
        Assert.Equal("container \"sidecar\" has no memory limit, so it can starve its node; set resources.limits", findings[1].Message);
        Assert.Equal("Set resources.limits (memory: 256Mi) on container \"sidecar\", sized from its observed peak usage, or add a LimitRange with default limits to namespace \"shop\".", findings[1].Remediation);
        Assert.Equal(["NSA Resource policies"], findings[1].Controls);
    }

    [Fact]
    public void A_LimitRange_default_of_the_namespace_counts_as_a_limit()
    {
        var yaml = TestSnapshots.Deployment("web", Containers) + "\n---\n" + LimitRange("shop", "Container", "memory: 512Mi");
        var findings = new MissingResourceLimits().Evaluate(TestSnapshots.From(yaml)).ToList();
        var finding = Assert.Single(findings);
        Assert.Equal("init container \"migrate\" has no cpu limit, so it can starve its node; set resources.limits", finding.Message);
    }

    [Theory]
    [InlineData("other", "Container")]
    [InlineData("shop", "Pod")]
    public void LimitRanges_of_another_namespace_or_type_do_not_default_container_limits(string ns, string type)
    {
        var yaml = TestSnapshots.Deployment("web", Containers) + "\n---\n" + LimitRange(ns, type, "memory: 512Mi");
        Assert.Equal(2, TestSnapshots.Evaluate<MissingResourceLimits>(yaml).Length);
    }

    [Fact]
    public void Requests_alone_are_not_limits_and_a_container_with_both_limits_passes()
    {
        var yaml = TestSnapshots.Deployment("web", """
            containers:
              - name: web
                image: web:1.0
                resources:
                  requests:
                    cpu: 100m
                    memory: 64Mi
            """) + "\n---\n" + TestSnapshots.Deployment("api", """
            containers:
              - name: api
                image: api:1.0
                resources:
                  limits:
                    cpu: "1"
                    memory: 1Gi
            """);
        Assert.Equal(["VT-RES-001 shop/Deployment/web @ -:19:13"], TestSnapshots.Evaluate<MissingResourceLimits>(yaml));
    }
}
