using Verity.Admission.Pss;
using Xunit.Abstractions;

namespace Verity.Admission.Tests.Pss;

/// <summary>
/// The upstream Pod Security Admission fixture corpus (kubernetes/pod-security-admission test/testdata, copied under
/// <c>$VERITY_CONFORMANCE_DIR/pss</c>): every pass file allowed, every fail file denied with the upstream
/// <c>expectErrorSubstring</c>, at its level and version, and the full PSA message equal to the index's expected detail.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("baseline")]
    [InlineData("restricted")]
    public void Every_fixture_gets_the_upstream_verdict_and_message(string level)
    {
        var dir = ConformanceIndex.Directory;
        Skip.If(dir is null, ConformanceIndex.SkipMessage);
        var cases = ConformanceIndex.Load(dir!).Cases.Where(c => c.Level == level).ToList();
        Assert.NotEmpty(cases);
        var failures = new List<string>();
        foreach (var c in cases)
        {
            var pod = PssFixtures.Pod(File.ReadAllText(Path.Combine(dir!, c.File)));
            var policy = new PssLevelVersion(c.Level == "baseline" ? PssLevel.Baseline : PssLevel.Restricted, PssVersion.V1(c.Minor));
            var decision = PodSecurityEvaluator.Default.EvaluatePod(policy, pod);
            if (decision.Allowed != c.Allowed)
                failures.Add($"{c}: expected {(c.Allowed ? "ALLOW" : "DENY")}, got {(decision.Allowed ? "ALLOW" : "DENY: " + decision.Message)}");
            else if (c.Substring is not null && !decision.Message.Contains(c.Substring, StringComparison.Ordinal))
                failures.Add($"{c}: message lacks \"{c.Substring}\": {decision.Message}");
            else if (c.Detail is not null && decision.ForbiddenDetail != c.Detail)
                failures.Add($"{c}: detail\n  expected {c.Detail}\n  actual   {decision.ForbiddenDetail}");
        }
        output.WriteLine($"{level}: {cases.Count - failures.Count}/{cases.Count} fixture cases conform");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public void The_index_covers_every_fixture_file()
    {
        var dir = ConformanceIndex.Directory;
        Skip.If(dir is null, ConformanceIndex.SkipMessage);
        var indexed = ConformanceIndex.Load(dir!).Cases.Select(c => c.File.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(dir!, "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir!, f).Replace('\\', '/')).ToList();
        Assert.Equal(162, files.Count);
        Assert.All(files, f => Assert.Contains(f, indexed));
    }
}
