namespace Verity.Core.Tests.Selectors;

/// <summary>Builds label sets from "key=value" texts separated by ';' ("" is the empty set).</summary>
internal static class TestLabels
{
    public static IReadOnlyDictionary<string, string> Of(string text) =>
        text.Length == 0
            ? new Dictionary<string, string>()
            : text.Split(';').Select(pair => pair.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
}
