using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Verity.Core.Loading;

/// <summary>
/// Decides the JSON type of a YAML scalar the way kubectl does. kubectl converts YAML to JSON with
/// sigs.k8s.io/yaml, which resolves plain scalars with go-yaml v2's YAML 1.1 rules
/// (gopkg.in/yaml.v2 resolve.go): <c>~</c>/<c>null</c>/empty are null; <c>true/yes/on/y</c> and
/// <c>false/no/off/n</c> (in their lower, Title and UPPER forms) are booleans; decimal, <c>0x</c> hex,
/// <c>0o</c>/leading-0 octal and <c>0b</c> binary integers (with <c>_</c> separators) are integers;
/// YAML 1.1 floats and <c>.inf</c>/<c>.nan</c> are floats. Quoted scalars and scalars tagged
/// <c>!!str</c> or <c>!</c> are always strings. Anything else — including <c>=</c>, which PyYAML
/// alone mistakes for a <c>!!value</c> tag — is a string.
/// Limits: JSON has no infinity or NaN, so <c>.inf</c>/<c>.nan</c> are kept as the strings written.
/// </summary>
internal static class ScalarResolver
{
    private static readonly HashSet<string> Nulls = ["", "~", "null", "Null", "NULL"];
    private static readonly HashSet<string> Trues = ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"];
    private static readonly HashSet<string> Falses = ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"];

    public static void Write(Utf8JsonWriter writer, Scalar scalar)
    {
        var value = scalar.Value;
        if (!IsPlainUntagged(scalar))
        {
            WriteTagged(writer, scalar);
            return;
        }
        if (Nulls.Contains(value)) { writer.WriteNullValue(); return; }
        if (Trues.Contains(value)) { writer.WriteBooleanValue(true); return; }
        if (Falses.Contains(value)) { writer.WriteBooleanValue(false); return; }
        if (value.Length > 0 && (char.IsAsciiDigit(value[0]) || value[0] is '-' or '+' or '.') && TryWriteNumber(writer, value))
        {
            return;
        }
        writer.WriteStringValue(value);
    }

    /// <summary>The text a scalar has as a JSON object key: go-yaml stringifies non-string keys.</summary>
    public static string KeyText(Scalar scalar)
    {
        if (!IsPlainUntagged(scalar)) return scalar.Value;
        if (Nulls.Contains(scalar.Value)) return "null";
        if (Trues.Contains(scalar.Value)) return "true";
        if (Falses.Contains(scalar.Value)) return "false";
        return scalar.Value;
    }

    private static bool IsPlainUntagged(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty;

    private static void WriteTagged(Utf8JsonWriter writer, Scalar scalar)
    {
        var tag = scalar.Tag.IsEmpty ? "" : scalar.Tag.Value;
        switch (tag)
        {
            case "tag:yaml.org,2002:null": writer.WriteNullValue(); return;
            case "tag:yaml.org,2002:bool" when Trues.Contains(scalar.Value): writer.WriteBooleanValue(true); return;
            case "tag:yaml.org,2002:bool" when Falses.Contains(scalar.Value): writer.WriteBooleanValue(false); return;
            case "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" when TryWriteNumber(writer, scalar.Value): return;
            default: writer.WriteStringValue(scalar.Value); return;
        }
    }

    private static bool TryWriteNumber(Utf8JsonWriter writer, string text)
    {
        if (IsJsonNumber(text))
        {
            // Already a JSON number: keep it as written (1.0 stays 1.0, no precision lost).
            writer.WriteRawValue(text, skipInputValidation: true);
            return true;
        }
        var plain = text.Contains('_') ? text.Replace("_", "") : text;
        if (TryParseInteger(plain, out var integer, out var unsigned))
        {
            if (unsigned is ulong u) writer.WriteNumberValue(u);
            else writer.WriteNumberValue(integer);
            return true;
        }
        if (IsYaml11Float(plain) && double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
        {
            writer.WriteNumberValue(d);
            return true;
        }
        return false;
    }

    /// <summary>Go's strconv.ParseInt(s, 0, 64) then ParseUint: sign, 0x/0o/0b prefixes, leading-0 octal.</summary>
    private static bool TryParseInteger(string s, out long value, out ulong? unsigned)
    {
        value = 0;
        unsigned = null;
        var negative = s.StartsWith('-');
        var body = s.StartsWith('-') || s.StartsWith('+') ? s[1..] : s;
        if (body.Length == 0) return false;
        int radix = 10;
        if (body.Length > 2 && body[0] == '0' && (body[1] is 'x' or 'X')) { radix = 16; body = body[2..]; }
        else if (body.Length > 2 && body[0] == '0' && (body[1] is 'o' or 'O')) { radix = 8; body = body[2..]; }
        else if (body.Length > 2 && body[0] == '0' && (body[1] is 'b' or 'B')) { radix = 2; body = body[2..]; }
        else if (body.Length > 1 && body[0] == '0') { radix = 8; body = body[1..]; }
        System.Numerics.BigInteger magnitude = 0;
        foreach (var c in body)
        {
            var digit = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'f' => c - 'a' + 10,
                >= 'A' and <= 'F' => c - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix) return false;
            magnitude = magnitude * radix + digit;
        }
        var signed = negative ? -magnitude : magnitude;
        if (signed >= long.MinValue && signed <= long.MaxValue) { value = (long)signed; return true; }
        if (!negative && signed <= ulong.MaxValue) { unsigned = (ulong)signed; return true; }
        return false;
    }

    /// <summary>RFC 8259 number: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?</c>.</summary>
    private static bool IsJsonNumber(string s)
    {
        var i = 0;
        if (i < s.Length && s[i] == '-') i++;
        if (i >= s.Length || !char.IsAsciiDigit(s[i])) return false;
        if (s[i] == '0') i++;
        else while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i == start) return false;
        }
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '-' or '+') i++;
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i == start) return false;
        }
        return i == s.Length;
    }

    /// <summary>go-yaml v2's float pattern: <c>^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$</c>.</summary>
    private static bool IsYaml11Float(string s)
    {
        var i = 0;
        if (i < s.Length && s[i] is '-' or '+') i++;
        var mantissaStart = i;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var fracStart = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i == fracStart) return false;
        }
        else
        {
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i == mantissaStart) return false;
            if (i < s.Length && s[i] == '.')
            {
                i++;
                while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            }
        }
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '-' or '+') i++;
            var expStart = i;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
            if (i == expStart) return false;
        }
        return i == s.Length;
    }
}
