using System.Globalization;

namespace Verity.Cli.Netpol;

/// <summary>Port numbers as users type them: 1 to 65535, digits only.</summary>
internal static class PortText
{
    public static bool TryParseNumber(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535;

    /// <summary>True when <paramref name="text"/> is meant as a number (all digits), valid or not.</summary>
    public static bool LooksNumeric(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
