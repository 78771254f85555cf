using System.Globalization;

namespace Verity.Core.Selectors;

/// <summary>
/// Syntax of label keys and values, and every validation text of this folder.
/// Keys are qualified names (k8s.io/apimachinery/pkg/util/validation/validation.go
/// <c>IsQualifiedName</c>): an optional prefix that is a lowercase RFC 1123 DNS subdomain of at
/// most 253 characters, then '/', then a name of at most 63 characters from [A-Za-z0-9._-]
/// that starts and ends with an alphanumeric. Values (<c>IsValidLabelValue</c>) are empty or
/// follow the rule for names. Only ASCII letters and digits count as alphanumeric.
/// Unlike apimachinery, the long regex is not quoted in the messages.
/// </summary>
internal static class LabelSyntax
{
    internal const int MaxNameLength = 63;
    internal const int MaxPrefixLength = 253;

    internal const string MultipleSlashes =
        "must contain at most one '/' (an optional DNS subdomain prefix, '/', then a name, e.g. 'example.com/name')";
    internal const string EmptyPrefix = "prefix part before '/' must be non-empty";
    internal const string LongPrefix = "prefix part must be no more than 253 characters";
    internal const string BadPrefix =
        "prefix part must be a lowercase RFC 1123 subdomain: lowercase alphanumerics, '-' or '.', " +
        "each dot-separated part starting and ending with an alphanumeric (e.g. 'example.com')";
    internal const string EmptyName = "name part must be non-empty";
    internal const string LongName = "name part must be no more than 63 characters";
    internal const string BadName =
        "name part must consist of alphanumerics, '-', '_' or '.', and start and end with an alphanumeric " +
        "(e.g. 'MyName', 'my.name', '123-abc')";
    internal const string LongValue = "must be no more than 63 characters";
    internal const string BadValue =
        "must be empty or consist of alphanumerics, '-', '_' or '.', and start and end with an alphanumeric " +
        "(e.g. 'MyValue', 'my_value', '12345')";

    /// <summary>Null when <paramref name="key"/> is a valid label key; otherwise every reason
    /// it is not, joined by "; ".</summary>
    internal static string? KeyError(string key)
    {
        var slash = key.IndexOf('/');
        if (slash >= 0 && key.IndexOf('/', slash + 1) >= 0)
        {
            return MultipleSlashes;
        }

        var reasons = new List<string>(2);
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (prefix.Length == 0)
            {
                reasons.Add(EmptyPrefix);
            }
            else
            {
                if (prefix.Length > MaxPrefixLength)
                {
                    reasons.Add(LongPrefix);
                }

                if (!IsDnsSubdomain(prefix))
                {
                    reasons.Add(BadPrefix);
                }
            }
        }

        var name = key[(slash + 1)..];
        if (name.Length == 0)
        {
            reasons.Add(EmptyName);
        }
        else
        {
            if (name.Length > MaxNameLength)
            {
                reasons.Add(LongName);
            }

            if (!IsName(name))
            {
                reasons.Add(BadName);
            }
        }

        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    /// <summary>Null when <paramref name="value"/> is a valid label value (empty is valid);
    /// otherwise every reason it is not, joined by "; ".</summary>
    internal static string? ValueError(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        var tooLong = value.Length > MaxNameLength;
        var bad = !IsName(value);
        return (tooLong, bad) switch
        {
            (false, false) => null,
            (true, false) => LongValue,
            (false, true) => BadValue,
            (true, true) => LongValue + "; " + BadValue,
        };
    }

    /// <summary>Reads a label value as Go's <c>strconv.ParseInt(s, 10, 64)</c> does for the
    /// Gt/Lt operators: optional sign, ASCII digits, in range; nothing else.</summary>
    internal static bool TryParseInteger(string? text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary><c>invalid label key "k": reason</c>, or with <paramref name="position"/>
    /// <c>invalid label key "k" at position 3: reason</c>.</summary>
    internal static string InvalidKey(string key, string reason, int? position = null) =>
        $"invalid label key {Quote(key)}{At(position)}: {reason}";

    internal static string InvalidValue(string value, string reason, int? position = null) =>
        $"invalid label value {Quote(value)}{At(position)}: {reason}";

    private static string At(int? position) => position is { } p ? $" at position {p}" : "";

    /// <summary>Double-quotes text for a message, escaping '\' and '"' so the bounds stay clear.</summary>
    internal static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    // ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]
    private static bool IsName(string s) =>
        s.Length > 0 && char.IsAsciiLetterOrDigit(s[0]) && char.IsAsciiLetterOrDigit(s[^1]) &&
        s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    // [a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*
    private static bool IsDnsSubdomain(string s) =>
        s.Split('.').All(label =>
            label.Length > 0 && IsLowerAlnum(label[0]) && IsLowerAlnum(label[^1]) &&
            label.All(c => IsLowerAlnum(c) || c == '-'));

    private static bool IsLowerAlnum(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c);
}
