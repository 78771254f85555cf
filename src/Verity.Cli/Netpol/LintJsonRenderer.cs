using Verity.Cli.Output;
using Verity.Network.Lint;

namespace Verity.Cli.Netpol;

/// <summary>
/// Lint findings as the documented JSON (docs/netpol.md): <c>{"findings":[{"rule","severity","policy","message",
/// "file","line","column"}]}</c>, in the linter's order; severity in lower case.
/// </summary>
internal static class LintJsonRenderer
{
    public static void Write(TextWriter output, IReadOnlyList<LintFinding> findings) =>
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("findings");
            foreach (var finding in findings)
            {
                json.WriteStartObject();
                json.WriteString("rule", finding.Rule);
                json.WriteString("severity", JsonRenderer.Name(finding.Severity));
                json.WriteString("policy", finding.Policy.Display);
                json.WriteString("message", finding.Message);
                json.WriteString("file", finding.Location.File);
                json.WriteNumber("line", finding.Location.Line);
                json.WriteNumber("column", finding.Location.Column);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
}
