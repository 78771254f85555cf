namespace Verity.Cli.Tests.AdmissionTest;

/// <summary>
/// <c>verity admission test</c> over testdata/admission/manifests with testdata/admission/policy.yaml, compared with
/// testdata/admission/expected.*. Set UPDATE_GOLDEN=1 to rewrite the expectations, then review the diff. The policy's
/// exceptions expire in 2000 and 2999, so the results do not depend on today's date.
/// </summary>
public sealed class AdmissionGoldenTests
{
    public static string Data => Path.Combine(RepoPaths.TestData, "admission");

    [Theory]
    [InlineData("expected.txt", "table")]
    [InlineData("expected.json", "json")]
    [InlineData("expected.sarif", "sarif")]
    [InlineData("expected.junit.xml", "junit")]
    public async Task Every_format_matches_the_golden_output(string golden, string format)
    {
        var run = await Cli.RunAsync("admission", "test", "-f", Path.Combine(Data, "manifests"), "--config", Path.Combine(Data, "policy.yaml"), "-o", format);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal(
            "tests/Verity.Cli.Tests/testdata/admission/policy.yaml:19:11: warning VG1010: VG-IMG-002: exception \"report-expired\" (owner team-legacy) expired on 2000-01-01 and no longer applies; renew it or remove it\n"
            + "warning: 1 exception(s) of the policy config have expired and no longer apply\n",
            RepoPaths.Relative(run.Stderr));
        var actual = RepoPaths.Relative(run.Stdout);
        var path = Path.Combine(Data, golden);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"missing {path}; run the tests with UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
