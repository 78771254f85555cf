namespace Verity.Cli.Tests.Netpol;

/// <summary>Paths of testdata/netpol/ and the runs the netpol tests share.</summary>
internal static class NetpolTestData
{
    public static string Root => System.IO.Path.Combine(RepoPaths.TestData, "netpol");

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>An explain case's input (testdata/netpol/explain/&lt;case&gt;/input.yaml).</summary>
    public static string ExplainInput(string name) => Path("explain", name, "input.yaml");

    public static IEnumerable<string> ExplainCases() =>
        Directory.GetDirectories(Path("explain")).Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal)!;

    /// <summary>The arguments of an explain case (testdata/netpol/explain/&lt;case&gt;/args, one line).</summary>
    public static string[] ExplainArgs(string name) =>
        File.ReadAllText(Path("explain", name, "args")).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static Task<CliRun> RunCase(string command, string name, params string[] more) =>
        Cli.RunAsync(["netpol", command, "-f", ExplainInput(name), .. ExplainArgs(name), .. more]);
}
