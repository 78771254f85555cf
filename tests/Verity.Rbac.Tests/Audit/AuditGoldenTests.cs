using Verity.Rbac.Audit;

namespace Verity.Rbac.Tests.Audit;

/// <summary>
/// One case per folder under testdata/audit/: <c>audit.log</c> (audit.k8s.io/v1 events, one per line) and an
/// optional <c>user.txt</c> (the <c>--user</c> filter) go through the reader, the generator and the YAML writer,
/// and the YAML must equal <c>expected.yaml</c>. Set UPDATE_GOLDEN=1 to rewrite the expectations, then review the diff.
/// </summary>
public sealed class AuditGoldenTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(AuditTestData.OutputDirectory).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GeneratesExpectedYaml(string name)
    {
        var caseDir = Path.Combine(AuditTestData.OutputDirectory, name);
        var userFile = Path.Combine(caseDir, "user.txt");
        var user = File.Exists(userFile) ? File.ReadAllText(userFile).Trim() : null;
        var actual = AuditRbacYamlWriter.Write(AuditTestData.Generate(File.ReadAllText(Path.Combine(caseDir, "audit.log")), user));
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(AuditTestData.SourceDirectory(), name, "expected.yaml"), actual);
            return;
        }
        var expectedPath = Path.Combine(caseDir, "expected.yaml");
        Assert.True(File.Exists(expectedPath), $"missing {expectedPath}; run with UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }
}
