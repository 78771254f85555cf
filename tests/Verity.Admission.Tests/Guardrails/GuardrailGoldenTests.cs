using Verity.Admission.Guardrails;

namespace Verity.Admission.Tests.Guardrails;

/// <summary>
/// One case per folder under testdata/guardrails/: <c>input.yaml</c> (the objects, with any Namespace they need),
/// an optional <c>config.yaml</c> (else the defaults) and an optional <c>now.txt</c> (else
/// <see cref="GuardrailTestData.DefaultNow"/>) go through the engine, and the results must equal <c>expected.json</c>.
/// Set UPDATE_GOLDEN=1 to rewrite the expectations, then review the diff.
/// </summary>
public sealed class GuardrailGoldenTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(GuardrailTestData.OutputDirectory).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluates_as_expected(string name)
    {
        var dir = Path.Combine(GuardrailTestData.OutputDirectory, name);
        var configFile = Path.Combine(dir, "config.yaml");
        var nowFile = Path.Combine(dir, "now.txt");
        var config = File.Exists(configFile) ? GuardrailTestData.Config(File.ReadAllText(configFile)) : GuardrailConfig.Default;
        var now = File.Exists(nowFile) ? File.ReadAllText(nowFile).Trim() : GuardrailTestData.DefaultNow;
        var actual = GuardrailTestData.ToJson(GuardrailTestData.Evaluate(File.ReadAllText(Path.Combine(dir, "input.yaml")), config, now));
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(GuardrailTestData.SourceDirectory(), name, "expected.json"), actual);
            return;
        }
        var expectedPath = Path.Combine(dir, "expected.json");
        Assert.True(File.Exists(expectedPath), $"missing {expectedPath}; run with UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }

    [Fact]
    public void Every_guardrail_has_a_pass_and_a_fail_case()
    {
        var cases = Directory.GetDirectories(GuardrailTestData.OutputDirectory).Select(Path.GetFileName).ToHashSet();
        foreach (var policy in GuardrailLibrary.Policies)
        {
            Assert.Contains($"{policy.Id.ToLowerInvariant()}-pass", cases);
            Assert.Contains($"{policy.Id.ToLowerInvariant()}-fail", cases);
        }
    }
}
