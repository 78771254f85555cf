namespace Verity.Admission.Tests.Pss;

/// <summary>
/// The expectations of the upstream PSA fixture corpus, read from the tables of <c>$VERITY_CONFORMANCE_DIR/pss/README.md</c>:
/// per fail file the upstream <c>expectErrorSubstring</c> and the expected detail at latest; per pass file the result at
/// latest and at v1.36; per versioned file its result and detail.
/// </summary>
internal sealed record ConformanceIndex(IReadOnlyList<ConformanceCase> Cases)
{
    public static string? Directory => Environment.GetEnvironmentVariable("VERITY_CONFORMANCE_DIR") is { Length: > 0 } dir ? Path.Combine(dir, "pss") : null;

    public const string SkipMessage = "VERITY_CONFORMANCE_DIR is not set: the upstream Pod Security Admission fixtures (../shared/conformance/pss) are not available.";

    public static ConformanceIndex Load(string pssDir)
    {
        var cases = new List<ConformanceCase>();
        string? section = null;
        foreach (var line in File.ReadLines(Path.Combine(pssDir, "README.md")))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line[3..].Split(' ')[0];
                continue;
            }
            if (section is null || !line.StartsWith("| ", StringComparison.Ordinal) || line.StartsWith("| file", StringComparison.Ordinal) || line.StartsWith("|---", StringComparison.Ordinal))
                continue;
            var cells = line.Trim().Trim('|').Split(" | ").Select(c => c.Trim()).ToArray();
            switch (section)
            {
                case "baseline/fail" or "restricted/fail":
                    cases.Add(new ConformanceCase(Path.Combine(section, cells[0]), Level(section), 37, false, cells[2].Trim('`'), cells[4]));
                    break;
                case "baseline/pass" or "restricted/pass":
                    cases.Add(new ConformanceCase(Path.Combine(section, cells[0]), Level(section), 37, cells[2] == "ALLOW", null, null));
                    cases.Add(new ConformanceCase(Path.Combine(section, cells[0]), Level(section), 36, cells[3] == "ALLOW", null, null));
                    break;
                case "versioned/":
                    var version = cells[1].Split(' ');
                    var allowed = cells[2] == "ALLOW";
                    cases.Add(new ConformanceCase(cells[0], version[0], int.Parse(version[1]["v1.".Length..], System.Globalization.CultureInfo.InvariantCulture),
                        allowed, null, allowed ? null : cells[3]));
                    break;
            }
        }
        return new ConformanceIndex(cases);
    }

    private static string Level(string section) => section.Split('/')[0];
}
