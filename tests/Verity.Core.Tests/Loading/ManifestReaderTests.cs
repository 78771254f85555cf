using System.Text;
using Verity.Core.Loading;

namespace Verity.Core.Tests.Loading;

public sealed class ManifestReaderTests
{
    [Fact]
    public void StandardInputIsReadForDash()
    {
        var yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-stdin\n";
        var result = ManifestReader.Read(["-"], () => new MemoryStream(Encoding.UTF8.GetBytes(yaml)));
        Assert.Empty(result.Diagnostics);
        var obj = Assert.Single(result.Objects);
        Assert.Equal("from-stdin", obj.Name);
        Assert.Equal("-:1:1", obj.Source.ToString());
    }

    [Fact]
    public void AMissingPathIsReportedAndTheOtherPathsStillLoad()
    {
        var dir = Directory.CreateTempSubdirectory("verity-reader-");
        try
        {
            var file = Path.Combine(dir.FullName, "a.yaml");
            File.WriteAllText(file, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n");
            var missing = Path.Combine(dir.FullName, "nope.yaml");
            var result = ManifestReader.Read([missing, file]);
            Assert.Equal("a", Assert.Single(result.Objects).Name);
            Assert.Equal($"{missing}: error VT1001: cannot read input: no such file or directory", Assert.Single(result.Diagnostics).ToString());
            Assert.True(result.HasErrors);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void AnExplicitFileIsReadWhateverItsExtension()
    {
        var dir = Directory.CreateTempSubdirectory("verity-reader-");
        try
        {
            var file = Path.Combine(dir.FullName, "manifest.txt");
            File.WriteAllText(file, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: txt\n");
            Assert.Equal("txt", Assert.Single(ManifestReader.Read([file]).Objects).Name);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
