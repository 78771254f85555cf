using System.Text.RegularExpressions;

namespace Verity.Bench.Generation;

/// <summary>
/// Chooses the style of a string the way kubectl's YAML printer does. kubectl converts JSON to YAML with
/// sigs.k8s.io/yaml, which emits through go-yaml v2 (encode.go <c>stringv</c>, emitterc.go
/// <c>yaml_emitter_analyze_scalar</c>): a string that would read back as another type (<c>"true"</c>,
/// <c>"8080"</c>, <c>"y"</c>, timestamps, base-60 numbers, <c>""</c>) is double-quoted; a multi-line string
/// is a literal block; a string plain YAML cannot hold (a leading indicator such as <c>*</c>, <c>": "</c>,
/// <c>" #"</c>, surrounding spaces) is single-quoted; everything else is plain.
/// Limit: non-printable characters are not analysed beyond "double-quote them".
/// </summary>
internal static partial class YamlScalars
{
    private static readonly HashSet<string> NonStringWords =
    [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
        "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
        "~", "null", "Null", "NULL", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
        ".nan", ".NaN", ".NAN", "<<",
    ];

    public static YamlScalarStyle Choose(string value)
    {
        if (value.Length == 0 || ResolvesToNonString(value)) return YamlScalarStyle.DoubleQuoted;
        if (value.Contains('\n')) return YamlScalarStyle.Literal;
        if (value.Any(c => c < ' ' || c == '\u007f')) return YamlScalarStyle.DoubleQuoted;
        return PlainAllowed(value) ? YamlScalarStyle.Plain : YamlScalarStyle.SingleQuoted;
    }

    /// <summary>go-yaml v2 <c>resolve</c>: would this plain text read back as null, a boolean, a number or a timestamp?</summary>
    public static bool ResolvesToNonString(string value)
    {
        if (NonStringWords.Contains(value)) return true;
        var first = value[0];
        if (!(char.IsAsciiDigit(first) || first is '+' or '-' or '.')) return false;
        var plain = value.Replace("_", "");
        return IntegerPattern().IsMatch(plain) || FloatPattern().IsMatch(plain) || Base60Pattern().IsMatch(value) || TimestampPattern().IsMatch(value);
    }

    /// <summary>Block-context plain scalars (emitterc.go): no leading indicator, no ": " or " #", no surrounding spaces.</summary>
    private static bool PlainAllowed(string value)
    {
        if (value.StartsWith("---", StringComparison.Ordinal) || value.StartsWith("...", StringComparison.Ordinal)) return false;
        if (value[0] is ' ' || value[^1] is ' ') return false;
        var first = value[0];
        var followedBySpace = value.Length == 1 || value[1] == ' ';
        if ("#,[]{}&*!|>'\"%@`".Contains(first)) return false;
        if (first is '?' or ':' or '-' && followedBySpace) return false;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == ':' && (i + 1 == value.Length || value[i + 1] == ' ')) return false;
            if (value[i] == '#' && i > 0 && value[i - 1] == ' ') return false;
        }
        return true;
    }

    // strconv.ParseInt(s, 0, 64) forms: decimal, 0x hex, 0o / leading-0 octal, 0b binary.
    [GeneratedRegex(@"^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[0-9]+)$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")]
    private static partial Regex Base60Pattern();

    // The layouts go-yaml v2 tries: 2006-1-2T15:4:5.999999999Z07:00, 2006-1-2t…, "2006-1-2 15:4:5.999999999", 2006-1-2.
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]+)?(Z|[-+][0-9]{2}:[0-9]{2})?)?$")]
    private static partial Regex TimestampPattern();
}
