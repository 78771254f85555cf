using Verity.Core.Loading;
using Verity.Core.Model;

namespace Verity.Core.Tests.Loading;

public sealed class JsonInputTests
{
    [Fact]
    public void ConcatenatedObjectsAndTopLevelArraysAreRead()
    {
        var text = """
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}}
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"b"}}
            [
              {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"}},
              {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"d"}}
            ]
            """;
        var result = ManifestParser.Parse(text, "many.json");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["a", "b", "c", "d"], result.Objects.Select(o => o.Name));
        Assert.Equal(new SourceLocation("many.json", 5, 3), result.Objects[3].Source);
    }

    [Fact]
    public void TypedListItemsInheritKindAndApiVersionAndKnowTheirLine()
    {
        var text = "{\"kind\":\"ServiceAccountList\",\"apiVersion\":\"v1\",\"items\":[\n{\"metadata\":{\"name\":\"a\",\"namespace\":\"x\"}},\n{\"metadata\":{\"namespace\":\"x\"}}\n]}";
        var result = ManifestParser.Parse(text, "sa.json");
        var obj = Assert.Single(result.Objects);
        Assert.Equal(new ResourceRef("v1", "ServiceAccount", "x", "a"), obj.Ref);
        Assert.Equal(new SourceLocation("sa.json", 2, 1, 0), obj.Source);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("sa.json:3:13 (items[1]): error VT1005: missing required field \"metadata.name\"", diagnostic.ToString());
    }

    [Fact]
    public void AFieldErrorInsideAListItemPointsAtTheField()
    {
        var text = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: ok\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: bad\n    labels:\n      tier: 3\n";
        var result = ManifestParser.Parse(text, "list.yaml");
        Assert.Equal("ok", Assert.Single(result.Objects).Name);
        Assert.Equal("list.yaml:13:13 (items[1]): error VT1006: field \"metadata.labels.tier\" must be a string, found a number (quote it: \"3\")",
            Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void ASingleListAfterBlankLinesKnowsItsItemPositions()
    {
        var text = "\n\n  {\"kind\":\"List\",\"apiVersion\":\"v1\",\"items\":[\n    {\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"a\",\"labels\":{\"x\":1}}}]}";
        var result = ManifestParser.Parse(text, "l.json");
        Assert.Empty(result.Objects);
        Assert.Equal("l.json:4:80 (items[0]): error VT1006: field \"metadata.labels.x\" must be a string, found a number (quote it: \"1\")",
            Assert.Single(result.Diagnostics).ToString());
    }
}
