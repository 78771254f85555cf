using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Verity.Posture.Tests;

public sealed class CheckRegistryTests
{
    [Fact]
    public void Discovers_every_built_in_check_once_in_id_order()
    {
        Assert.Equal(
            ["VT-IDN-001", "VT-IDN-002", "VT-IMG-001", "VT-IMG-002", "VT-NET-001", "VT-NET-002", "VT-NET-003", "VT-NET-004", "VT-NET-005", "VT-PSS-001", "VT-PSS-002", "VT-PSS-003", "VT-RBAC-001", "VT-RES-001"],
            CheckRegistry.All.Select(c => c.Id));
    }

    [Fact]
    public void Every_check_has_a_well_formed_id_a_title_and_controls()
    {
        foreach (var check in CheckRegistry.All)
        {
            Assert.Matches(new Regex("^VT-[A-Z]{3,4}-[0-9]{3}$"), check.Id);
            Assert.False(string.IsNullOrWhiteSpace(check.Title), check.Id);
            Assert.NotEmpty(check.Controls);
            Assert.All(check.Controls, c => Assert.Matches(new Regex("^(CIS 5(\\.[0-9]+)+|NSA [A-Z].*)$"), c));
        }
        Assert.Same(CheckRegistry.All[0], CheckRegistry.Find("VT-IDN-001"));
        Assert.Null(CheckRegistry.Find("VT-XXX-999"));
    }

    /// <summary>Engines are pure (CONVENTIONS.md #6): no console, files, clock or environment in Verity.Posture.</summary>
    [Fact]
    public void Posture_sources_use_no_console_files_clock_or_environment()
    {
        var banned = new Regex(@"\b(Console|File|Directory|DateTime|DateTimeOffset|Environment|HttpClient)\s*\.");
        var offenders = Directory.EnumerateFiles(PostureSources(), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(x => !x.line.TrimStart().StartsWith("///") && banned.IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.Empty(offenders);
    }

    private static string PostureSources([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "src", "Verity.Posture"));
}
