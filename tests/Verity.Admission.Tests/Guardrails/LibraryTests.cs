using System.Text.RegularExpressions;
using Verity.Admission.Guardrails;

namespace Verity.Admission.Tests.Guardrails;

/// <summary>The library's ids are stable and documented; every guardrail maps to controls or says why not.</summary>
public sealed partial class LibraryTests
{
    [Fact]
    public void Ids_are_unique_well_formed_and_in_this_order()
    {
        Assert.Equal(
            ["VG-IMG-001", "VG-IMG-002", "VG-IMG-003", "VG-RES-001", "VG-META-001", "VG-IDN-001", "VG-IDN-002", "VG-SEC-001", "VG-NET-001", "VG-NS-001"],
            GuardrailLibrary.Policies.Select(p => p.Id));
        Assert.All(GuardrailLibrary.Policies, p => Assert.Matches(IdPattern(), p.Id));
    }

    [Fact]
    public void Every_guardrail_maps_to_a_benchmark_control_except_required_labels()
    {
        foreach (var policy in GuardrailLibrary.Policies)
        {
            if (policy.Id == GuardrailIds.RequiredLabels) Assert.Empty(policy.Controls);
            else Assert.NotEmpty(policy.Controls);
        }
        Assert.Equal(["CIS 5.5.1", "NSA Building secure container images"], GuardrailLibrary.Find(GuardrailIds.NoLatestTag)!.Controls);
    }

    [Fact]
    public void Every_guardrail_is_documented()
    {
        var docs = File.ReadAllText(Path.Combine(GuardrailTestData.RepoRoot(), "docs", "guardrails.md"));
        Assert.All(GuardrailLibrary.Policies, p => Assert.Contains($"`{p.Id}`", docs, StringComparison.Ordinal));
        foreach (var code in typeof(GuardrailDiagnosticCodes).GetFields().Select(f => (string)f.GetValue(null)!))
            Assert.Contains($"`{code}`", docs, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^VG-[A-Z]+-\d{3}$")]
    private static partial Regex IdPattern();
}
