using System.Text.RegularExpressions;
using Verity.Cel.Library;
using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>
/// Kubernetes regex library (k8s.io/apiserver/pkg/cel/library/regex.go, "kubernetes.regex"):
/// <c>string.find(re)</c> (first leftmost match or ""), <c>string.findAll(re)</c> and
/// <c>string.findAll(re, n)</c> (n &lt; 0: all; like Go's FindAllString, an empty match right after the
/// previous match is skipped). Patterns go through the core's RE2 validation (<see cref="Re2"/>); an
/// invalid pattern is the error "Illegal regex: ..." as upstream (the detail text is ours, not Go's).
/// </summary>
internal static class RegexLibrary
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("string_find_string", "string:find(string) -> string", a =>
        {
            if (a[0] is not string s || a[1] is not string p)
            {
                return CelError.NoSuchOverload("find");
            }

            var re = Compile(p);
            if (re is not Regex rx)
            {
                return re;
            }

            var m = rx.Match(s);
            return m.Success ? m.Value : "";
        });
        r.Add("string_find_all_string", "string:findAll(string) -> list(string)", a => FindAll(a, -1));
        r.Add("string_find_all_string_int", "string:findAll(string, int) -> list(string)", a => a[2] is long n ? FindAll(a, n) : CelError.NoSuchOverload("findAll"));
    }

    private static object Compile(string pattern)
    {
        var re = Re2.Compile(pattern);
        return re is CelError e ? new CelError("Illegal regex: " + e.Message) : re;
    }

    private static object FindAll(object[] a, long n)
    {
        if (a[0] is not string s || a[1] is not string p)
        {
            return CelError.NoSuchOverload("findAll");
        }

        var re = Compile(p);
        if (re is not Regex rx)
        {
            return re;
        }

        if (n < 0)
        {
            n = s.Length + 1L;
        }

        // Go regexp.allMatches.
        var result = new List<object>();
        var pos = 0;
        var prevMatchEnd = -1;
        while (result.Count < n && pos <= s.Length)
        {
            var m = rx.Match(s, pos);
            if (!m.Success)
            {
                break;
            }

            var end = m.Index + m.Length;
            var accept = true;
            if (m.Length == 0 && end == pos)
            {
                accept = m.Index != prevMatchEnd;
                pos += pos < s.Length && char.IsHighSurrogate(s[pos]) && pos + 1 < s.Length && char.IsLowSurrogate(s[pos + 1]) ? 2 : 1;
            }
            else
            {
                pos = end;
            }

            prevMatchEnd = end;
            if (accept)
            {
                result.Add(m.Value);
            }
        }

        return new ArrayCelList([.. result]);
    }
}
