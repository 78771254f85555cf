namespace Verity.Cli.Tests.Rbac;

/// <summary>Paths of testdata/rbac/ and the golden-file check the rbac tests share (UPDATE_GOLDEN=1 rewrites the files for review).</summary>
internal static class RbacTestData
{
    public static string Path(params string[] parts) => System.IO.Path.Combine([RepoPaths.TestData, "rbac", .. parts]);

    /// <summary>testdata/rbac/cluster.yaml: namespaces api, payments, monitoring and their RBAC (see the file's comment).</summary>
    public static string Cluster => Path("cluster.yaml");

    public static Task<CliRun> Run(params string[] args) => Cli.RunAsync(["rbac", .. args, "-f", Cluster]);

    public static void AssertGolden(string name, string actual)
    {
        var path = Path("golden", name);
        actual = RepoPaths.Relative(actual);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"missing {path}; run the tests with UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
