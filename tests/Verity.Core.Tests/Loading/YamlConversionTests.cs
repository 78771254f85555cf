using System.Text;
using System.Text.Json;
using Verity.Core.Loading;
using Verity.Core.Model;

namespace Verity.Core.Tests.Loading;

/// <summary>YAML → JSON exactly as kubectl (sigs.k8s.io/yaml on go-yaml v2) converts it.</summary>
public sealed class YamlConversionTests
{
    private static JsonElement Data(string yamlData)
    {
        var text = "apiVersion: v1\nkind: Thing\nmetadata:\n  name: t\ndata:\n" + yamlData;
        var result = ManifestParser.Parse(text, "t.yaml");
        Assert.Empty(result.Diagnostics);
        return Assert.Single(result.Objects).Raw.GetProperty("data");
    }

    [Theory]
    [InlineData("a: ~", "null")]
    [InlineData("a: null", "null")]
    [InlineData("a:", "null")]
    [InlineData("a: yes", "true")]
    [InlineData("a: On", "true")]
    [InlineData("a: n", "false")]
    [InlineData("a: FALSE", "false")]
    [InlineData("a: \"yes\"", "\"yes\"")]
    [InlineData("a: 'on'", "\"on\"")]
    [InlineData("a: !!str 42", "\"42\"")]
    [InlineData("a: 42", "42")]
    [InlineData("a: -7", "-7")]
    [InlineData("a: 0x1F", "31")]
    [InlineData("a: 0755", "493")]
    [InlineData("a: 0o17", "15")]
    [InlineData("a: 0b101", "5")]
    [InlineData("a: 1_000", "1000")]
    [InlineData("a: 1.0", "1.0")]
    [InlineData("a: 6.02e23", "6.02e23")]
    [InlineData("a: .5", "0.5")]
    [InlineData("a: 18446744073709551615", "18446744073709551615")]
    [InlineData("a: 1.2.3", "\"1.2.3\"")]
    [InlineData("a: 08", "8")] // not octal, but go-yaml v2's float pattern matches it
    [InlineData("a: =", "\"=\"")]
    [InlineData("a: =~", "\"=~\"")]
    [InlineData("a: .inf", "\".inf\"")]
    [InlineData("a: 2024-01-01T00:00:00Z", "\"2024-01-01T00:00:00Z\"")]
    [InlineData("a: |\n    line1\n    line2", "\"line1\\nline2\\n\"")]
    [InlineData("a: [1, two, {b: c}]", "[1,\"two\",{\"b\":\"c\"}]")]
    [InlineData("80: http", null)]
    public void ResolvesScalarsLikeKubectl(string yaml, string? expectedJson)
    {
        var data = Data("  " + yaml.Replace("\n", "\n  ") + "\n");
        if (expectedJson is null)
        {
            Assert.Equal("http", data.GetProperty("80").GetString());
            return;
        }
        Assert.Equal(expectedJson, data.GetProperty("a").GetRawText());
    }

    [Fact]
    public void AliasesRepeatTheAnchoredValueAndMergeKeysInlineMappings()
    {
        var data = Data("""
              defaults: &defaults
                cpu: 100m
                memory: 64Mi
              web:
                <<: *defaults
                replicas: 2
              copy: *defaults
              list: &l [a, b]
              again: *l
            """);
        Assert.Equal("""{"cpu":"100m","memory":"64Mi","replicas":2}""", data.GetProperty("web").GetRawText());
        Assert.Equal("""{"cpu":"100m","memory":"64Mi"}""", data.GetProperty("copy").GetRawText());
        Assert.Equal("""["a","b"]""", data.GetProperty("again").GetRawText());
    }

    [Fact]
    public void AComplexMappingKeyIsReportedAndTheNextDocumentStillLoads()
    {
        var result = ManifestParser.Parse("apiVersion: v1\nkind: A\nmetadata:\n  name: a\n? [x, y]\n: z\n---\napiVersion: v1\nkind: B\nmetadata:\n  name: b\n", "c.yaml");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("c.yaml:5:3: error VT1010: unsupported YAML: a mapping key must be a plain value, not a list or mapping", diagnostic.ToString());
        Assert.Equal("B", Assert.Single(result.Objects).Kind);
    }

    [Fact]
    public void ByteOrderMarkAndCrLfLineEndingsAreAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: crlf\r\n---\r\napiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: two\r\n")).ToArray();
        var result = ManifestParser.Parse(bytes, "crlf.yaml");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["crlf", "two"], result.Objects.Select(o => o.Name));
        Assert.Equal(new SourceLocation("crlf.yaml", 6, 1), result.Objects[1].Source);
    }

    [Fact]
    public void AnUnclosedFlowMappingIsADiagnosticNotACrash()
    {
        var result = ManifestParser.Parse("apiVersion: v1\nkind: A\nmetadata: {name: a\nc: 2\n---\napiVersion: v1\nkind: B\nmetadata:\n  name: b\n", "flow.yaml");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("VT1002", diagnostic.Code);
        Assert.StartsWith("flow.yaml:", diagnostic.ToString());
        Assert.Equal("B", Assert.Single(result.Objects).Kind);
    }
}
