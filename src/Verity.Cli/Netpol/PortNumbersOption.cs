using System.CommandLine;
using System.CommandLine.Parsing;

namespace Verity.Cli.Netpol;

/// <summary><c>--port N</c>, repeatable, each a port number from 1 to 65535 (matrix and diff compare numbers, not names).</summary>
internal static class PortNumbersOption
{
    public static Option<int[]> Create(string description) => new("--port")
    {
        Description = description,
        HelpName = "N",
        CustomParser = Parse,
    };

    private static int[] Parse(ArgumentResult result)
    {
        var ports = new List<int>();
        foreach (var token in result.Tokens)
        {
            if (PortText.TryParseNumber(token.Value, out var port)) ports.Add(port);
            else result.AddError($"--port must be a port number from 1 to 65535, not '{token.Value}'.");
        }
        return [.. ports];
    }
}
