using System.Text;
using Verity.Cel.Values;

namespace Verity.Cel.Library;

/// <summary>
/// cel-go ext.Strings (https://github.com/google/cel-go/blob/master/ext/README.md#strings).
/// Indices are in Unicode code points. lowerAscii/upperAscii change ASCII letters only;
/// trim removes Unicode White_Space. format is implemented by <see cref="StringFormatter"/>.
/// </summary>
internal static class StringsExtension
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("string_char_at_int", "string:charAt(int) -> string", a =>
        {
            var s = Runes((string)a[0]);
            var i = (long)a[1];
            return i < 0 || i > s.Length ? OutOfRange(i) : i == s.Length ? "" : s[i].ToString();
        });
        r.Add("string_index_of_string", "string:indexOf(string) -> int", a => IndexOf((string)a[0], (string)a[1], 0));
        r.Add("string_index_of_string_int", "string:indexOf(string, int) -> int", a => IndexOf((string)a[0], (string)a[1], (long)a[2]));
        r.Add("string_last_index_of_string", "string:lastIndexOf(string) -> int", a => LastIndexOf((string)a[0], (string)a[1], null));
        r.Add("string_last_index_of_string_int", "string:lastIndexOf(string, int) -> int", a => LastIndexOf((string)a[0], (string)a[1], (long)a[2]));
        r.Add("string_lower_ascii", "string:lowerAscii() -> string", a => MapAscii((string)a[0], char.ToLowerInvariant));
        r.Add("string_upper_ascii", "string:upperAscii() -> string", a => MapAscii((string)a[0], char.ToUpperInvariant));
        r.Add("string_replace_string_string", "string:replace(string, string) -> string", a => Replace((string)a[0], (string)a[1], (string)a[2], -1));
        r.Add("string_replace_string_string_int", "string:replace(string, string, int) -> string", a => Replace((string)a[0], (string)a[1], (string)a[2], (long)a[3]));
        r.Add("string_split_string", "string:split(string) -> list(string)", a => Split((string)a[0], (string)a[1], -1));
        r.Add("string_split_string_int", "string:split(string, int) -> list(string)", a => Split((string)a[0], (string)a[1], (long)a[2]));
        r.Add("string_substring_int", "string:substring(int) -> string", a => Substring((string)a[0], (long)a[1], null));
        r.Add("string_substring_int_int", "string:substring(int, int) -> string", a => Substring((string)a[0], (long)a[1], (long)a[2]));
        r.Add("string_trim", "string:trim() -> string", a => Trim((string)a[0]));
        r.Add("string_reverse", "string:reverse() -> string", a =>
        {
            var rs = Runes((string)a[0]);
            Array.Reverse(rs);
            return string.Concat(rs.Select(x => x.ToString()));
        });
        r.Add("list_join", "list(string):join() -> string", a => Join((CelList)a[0], ""));
        r.Add("list_join_string", "list(string):join(string) -> string", a => Join((CelList)a[0], (string)a[1]));
        r.Add("strings_quote", "strings.quote(string) -> string", a => Quote((string)a[0]));
        r.Add("string_format", "string:format(list(dyn)) -> string", a => StringFormatter.Format((string)a[0], (CelList)a[1]));
    }

    private static CelError OutOfRange(long i) => new($"index out of range: {i}");

    public static Rune[] Runes(string s) => s.EnumerateRunes().ToArray();

    private static object IndexOf(string s, string sub, long start)
    {
        var rs = Runes(s);
        var subs = Runes(sub);
        if (start < 0 || start > rs.Length)
        {
            return OutOfRange(start);
        }

        for (var i = (int)start; i + subs.Length <= rs.Length; i++)
        {
            if (rs.AsSpan(i, subs.Length).SequenceEqual(subs))
            {
                return (long)i;
            }
        }

        return -1L;
    }

    private static object LastIndexOf(string s, string sub, long? start)
    {
        var rs = Runes(s);
        var subs = Runes(sub);
        var from = start ?? rs.Length;
        if (from < 0 || from > rs.Length)
        {
            return OutOfRange(from);
        }

        for (var i = (int)Math.Min(from, rs.Length - subs.Length); i >= 0; i--)
        {
            if (rs.AsSpan(i, subs.Length).SequenceEqual(subs))
            {
                return (long)i;
            }
        }

        return -1L;
    }

    private static string MapAscii(string s, Func<char, char> f)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAscii(chars[i]))
            {
                chars[i] = f(chars[i]);
            }
        }

        return new string(chars);
    }

    private static string Replace(string s, string old, string repl, long n)
    {
        if (n == 0)
        {
            return s;
        }

        if (n < 0)
        {
            return old.Length == 0 ? ReplaceEmpty(s, repl, -1) : s.Replace(old, repl, StringComparison.Ordinal);
        }

        if (old.Length == 0)
        {
            return ReplaceEmpty(s, repl, n);
        }

        var sb = new StringBuilder();
        var pos = 0;
        while (n > 0)
        {
            var idx = s.IndexOf(old, pos, StringComparison.Ordinal);
            if (idx < 0)
            {
                break;
            }

            sb.Append(s, pos, idx - pos).Append(repl);
            pos = idx + old.Length;
            n--;
        }

        return sb.Append(s, pos, s.Length - pos).ToString();
    }

    // Go strings.Replace with an empty old string inserts repl before every rune and at the end.
    private static string ReplaceEmpty(string s, string repl, long n)
    {
        var sb = new StringBuilder();
        var rs = Runes(s);
        var count = 0L;
        foreach (var r in rs)
        {
            if (n < 0 || count < n)
            {
                sb.Append(repl);
                count++;
            }

            sb.Append(r.ToString());
        }

        if (n < 0 || count < n)
        {
            sb.Append(repl);
        }

        return sb.ToString();
    }

    private static object Split(string s, string sep, long n)
    {
        if (n == 0)
        {
            return ArrayCelList.Empty;
        }

        string[] parts;
        if (sep.Length == 0)
        {
            var rs = Runes(s).Select(x => x.ToString()).ToList();
            if (n > 0 && rs.Count > n)
            {
                var head = rs.Take((int)n - 1).ToList();
                head.Add(string.Concat(rs.Skip((int)n - 1)));
                rs = head;
            }

            parts = [.. rs];
        }
        else
        {
            parts = n > 0 ? s.Split(sep, (int)Math.Min(n, int.MaxValue)) : s.Split(sep);
        }

        return new ArrayCelList(parts.Cast<object>().ToArray());
    }

    private static object Substring(string s, long start, long? end)
    {
        var rs = Runes(s);
        var e = end ?? rs.Length;
        if (start < 0 || start > rs.Length)
        {
            return OutOfRange(start);
        }

        if (e < 0 || e > rs.Length)
        {
            return OutOfRange(e);
        }

        if (start > e)
        {
            return new CelError($"invalid substring range. start: {start}, end: {e}");
        }

        return string.Concat(rs[(int)start..(int)e].Select(x => x.ToString()));
    }

    private static string Trim(string s)
    {
        var rs = Runes(s);
        var a = 0;
        var b = rs.Length;
        while (a < b && IsSpace(rs[a]))
        {
            a++;
        }

        while (b > a && IsSpace(rs[b - 1]))
        {
            b--;
        }

        return string.Concat(rs[a..b].Select(x => x.ToString()));
    }

    // Unicode White_Space (Go unicode.IsSpace).
    private static bool IsSpace(Rune r) => r.Value is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or 0x85 or 0xA0 or 0x1680
        or (>= 0x2000 and <= 0x200A) or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000;

    private static object Join(CelList list, string sep)
    {
        var parts = new List<string>(list.Count);
        foreach (var item in list.Items())
        {
            if (item is not string s)
            {
                return CelError.NoSuchOverload("join");
            }

            parts.Add(s);
        }

        return string.Join(sep, parts);
    }

    /// <summary>Go strconv.Quote-like quoting used by strings.quote.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var r in s.EnumerateRunes())
        {
            switch (r.Value)
            {
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\v': sb.Append("\\v"); break;
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                default:
                    if (r.Value < 0x20 || r.Value == 0x7F)
                    {
                        sb.Append($"\\x{r.Value:x2}");
                    }
                    else if (r.Value == 0xFFFD)
                    {
                        sb.Append("\\ufffd");
                    }
                    else
                    {
                        sb.Append(r.ToString());
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
