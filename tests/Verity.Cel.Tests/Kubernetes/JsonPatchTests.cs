namespace Verity.Cel.Tests.Kubernetes;

/// <summary>Example from kubernetes staging/src/k8s.io/apiserver/pkg/cel/library/jsonpatch.go's doc comment, plus single-pass escaping.</summary>
public sealed class JsonPatchTests
{
    [Theory]
    [InlineData("\"/metadata/labels/\" + jsonpatch.escapeKey('k8s.io/my~label')", "/metadata/labels/k8s.io~1my~0label")]
    [InlineData("jsonpatch.escapeKey('~1/')", "~01~1")]
    [InlineData("jsonpatch.escapeKey('')", "")]
    public void Escapes(string expr, string expected) => K8s.Is(expr, expected);
}
