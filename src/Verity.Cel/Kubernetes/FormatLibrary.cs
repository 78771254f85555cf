using System.Globalization;
using System.Text.RegularExpressions;
using Verity.Cel.Library;
using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>
/// Kubernetes format library (k8s.io/apiserver/pkg/cel/library/format.go, "format"):
/// <c>format.named(string) -> optional(kubernetes.NamedFormat)</c>, one zero-argument
/// <c>format.&lt;name&gt;()</c> per format, and <c>&lt;format&gt;.validate(string) -> optional(list(string))</c>
/// (none when valid). Messages are those of k8s.io/apimachinery validation; uri uses Go's
/// url.ParseRequestURI error, uuid/byte/date/datetime follow kube-openapi strfmt.
/// </summary>
internal static partial class FormatLibrary
{
    /// <summary>The named formats: CEL name → format (its Name is upstream's, used for equality).</summary>
    public static readonly IReadOnlyDictionary<string, CelFormat> Formats = new Dictionary<string, CelFormat>(StringComparer.Ordinal)
    {
        ["dns1123Label"] = new("DNS1123Label", s => NameValidation.IsDns1123Label(s)),
        ["dns1123Subdomain"] = new("DNS1123Subdomain", s => NameValidation.IsDns1123Subdomain(s)),
        ["dns1035Label"] = new("DNS1035Label", s => NameValidation.IsDns1035Label(s)),
        ["qualifiedName"] = new("QualifiedName", s => NameValidation.IsQualifiedName(s)),
        ["dns1123LabelPrefix"] = new("DNS1123LabelPrefix", s => NameValidation.IsDns1123Label(NameValidation.MaskTrailingDash(s))),
        ["dns1123SubdomainPrefix"] = new("DNS1123SubdomainPrefix", s => NameValidation.IsDns1123Subdomain(NameValidation.MaskTrailingDash(s))),
        ["dns1035LabelPrefix"] = new("DNS1035LabelPrefix", s => NameValidation.IsDns1035Label(NameValidation.MaskTrailingDash(s))),
        ["labelValue"] = new("LabelValue", s => NameValidation.IsValidLabelValue(s)),
        ["uri"] = new("URI", s => GoUrl.ParseRequestUri(s, out _) is { } e ? [e] : []),
        ["uuid"] = new("uuid", s => Uuid().IsMatch(s) ? [] : ["does not match the UUID format"]),
        ["byte"] = new("byte", s => IsBase64(s) ? [] : ["invalid base64"]),
        ["date"] = new("date", s => IsDate(s) ? [] : ["invalid date"]),
        ["datetime"] = new("datetime", s => IsDateTime(s) ? [] : ["invalid datetime"]),
    };

    [GeneratedRegex("^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Uuid();

    [GeneratedRegex("^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))\\z", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeTail();

    public static void Register(FunctionRegistry r)
    {
        r.Add("format-validate", $"{KubernetesTypes.Format}:validate(string) -> optional(list(string))", a =>
        {
            if (a[0] is not CelFormat f || a[1] is not string s)
            {
                return CelError.NoSuchOverload("validate");
            }

            var errs = f.Validate(s);
            return errs.Count == 0 ? CelOptional.None : CelOptional.Of(new ArrayCelList([.. errs]));
        });
        r.Add("format-named", $"format.named(string) -> optional({KubernetesTypes.Format})", a =>
            a[0] is not string s ? CelError.NoSuchOverload("format.named")
            : Formats.TryGetValue(s, out var f) ? CelOptional.Of(f) : CelOptional.None);
        foreach (var (name, format) in Formats)
        {
            r.Add("format." + name, $"format.{name}() -> {KubernetesTypes.Format}", _ => format);
        }
    }

    /// <summary>Go base64.StdEncoding.DecodeString: padded standard alphabet; '\r' and '\n' are ignored.</summary>
    internal static bool IsBase64(string s)
    {
        var t = s.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        if (t.Length % 4 != 0 || t.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')))
        {
            return false;
        }

        var buffer = new byte[t.Length];
        return Convert.TryFromBase64String(t, buffer, out _);
    }

    /// <summary>strfmt IsDate: Go time.Parse("2006-01-02") — four-digit year, valid month and day.</summary>
    internal static bool IsDate(string s) =>
        s.Length == 10 && s[4] == '-' && s[7] == '-'
        && DateTime.TryParseExact(s, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>kube-openapi strfmt IsDateTime: lower-cased, split at 't', a valid date, then hh:mm:ss[.frac](z|±hh:mm) with hh ≤ 23, mm, ss ≤ 59.</summary>
    internal static bool IsDateTime(string str)
    {
        if (str.Length < 4)
        {
            return false;
        }

        var s = str.ToLowerInvariant().Split('t');
        if (s.Length < 2 || !IsDate(s[0]))
        {
            return false;
        }

        var m = DateTimeTail().Match(s[1]);
        return m.Success
            && string.CompareOrdinal(m.Groups[1].Value, "23") <= 0
            && string.CompareOrdinal(m.Groups[2].Value, "59") <= 0
            && string.CompareOrdinal(m.Groups[3].Value, "59") <= 0;
    }
}
