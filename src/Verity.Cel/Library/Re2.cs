using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Verity.Cel.Values;

namespace Verity.Cel.Library;

/// <summary>
/// RE2-compatible regular expressions on .NET. CEL requires RE2 syntax
/// (https://github.com/google/cel-spec/blob/master/doc/langdef.md#regular-expressions).
/// Patterns are validated first: constructs RE2 rejects (backreferences, lookaround, atomic
/// groups, possessive quantifiers, conditionals, \G, balancing groups) are compile errors.
/// <c>(?P&lt;name&gt;...)</c> is accepted and <see cref="Translate"/> gives <c>$</c>, <c>\d</c>, <c>\w</c>, <c>\s</c>
/// their RE2 (ASCII, end-of-text) meaning. Matching uses <see cref="RegexOptions.NonBacktracking"/>, so
/// matching time is linear in the input, as with RE2. Known differences: POSIX classes ([[:alpha:]]),
/// \Q..\E and the (?U) flag are rejected; <c>\b</c> and negated classes inside brackets (<c>[\D]</c>) keep
/// .NET's Unicode meaning. Compiled patterns are cached (bounded, thread-safe).
/// </summary>
internal static class Re2
{
    private static readonly ConcurrentDictionary<string, object> Cache = new(StringComparer.Ordinal);

    public static object Matches(string input, string pattern)
    {
        var re = Compile(pattern);
        return re is Regex r ? r.IsMatch(input) : re;
    }

    /// <summary>A <see cref="Regex"/> or a <see cref="CelError"/> describing why the pattern is invalid.</summary>
    public static object Compile(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        object result;
        var problem = Validate(pattern);
        if (problem is not null)
        {
            result = new CelError($"invalid regular expression '{pattern}': {problem}");
        }
        else
        {
            try
            {
                var translated = Translate(pattern);
                result = new Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
            {
                result = new CelError($"invalid regular expression '{pattern}': {ex.Message}");
            }
        }

        if (Cache.Count > 1000)
        {
            Cache.Clear();
        }

        Cache[pattern] = result;
        return result;
    }

    /// <summary>
    /// Rewrites RE2 syntax into .NET syntax with RE2 meaning: <c>(?P&lt;name&gt;</c> → <c>(?&lt;name&gt;</c>;
    /// <c>\d \w \s</c> (and negations, outside classes) → their ASCII classes; <c>\d \w \s</c> inside a
    /// class → ASCII ranges; unescaped <c>$</c> outside classes → <c>\z</c> unless the pattern sets the
    /// <c>m</c> flag (RE2's <c>$</c> does not match before a final newline).
    /// </summary>
    internal static string Translate(string p)
    {
        var multiline = System.Text.RegularExpressions.Regex.IsMatch(p, @"\(\?[a-zA-Z]*m[a-zA-Z]*[:)]");
        var sb = new System.Text.StringBuilder(p.Length + 16);
        var inClass = false;
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '\\' && i + 1 < p.Length)
            {
                var n = p[i + 1];
                i++;
                var ascii = (n, inClass) switch
                {
                    ('d', false) => "[0-9]",
                    ('D', false) => "[^0-9]",
                    ('w', false) => "[0-9A-Za-z_]",
                    ('W', false) => "[^0-9A-Za-z_]",
                    ('s', false) => "[\\t\\n\\f\\r ]",
                    ('S', false) => "[^\\t\\n\\f\\r ]",
                    ('d', true) => "0-9",
                    ('w', true) => "0-9A-Za-z_",
                    ('s', true) => "\\t\\n\\f\\r ",
                    _ => null,
                };
                sb.Append(ascii ?? "\\" + n);
                continue;
            }

            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }

                sb.Append(c);
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    sb.Append(c);
                    if (i + 1 < p.Length && p[i + 1] == '^')
                    {
                        sb.Append('^');
                        i++;
                    }

                    if (i + 1 < p.Length && p[i + 1] == ']')
                    {
                        sb.Append(']');
                        i++;
                    }

                    break;
                case '$' when !multiline:
                    sb.Append("\\z");
                    break;
                case '(' when p.AsSpan(i).StartsWith("(?P<"):
                    sb.Append("(?<");
                    i += 3;
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Returns why RE2 would reject <paramref name="p"/>, or null.</summary>
    public static string? Validate(string p)
    {
        var inClass = false;
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '\\')
            {
                if (i + 1 >= p.Length)
                {
                    return "trailing backslash";
                }

                var n = p[i + 1];
                if (!inClass && (char.IsAsciiDigit(n) && n != '0'))
                {
                    return "backreferences are not supported";
                }

                if (n is 'k' or 'G' or 'Q' or 'E' or 'Z' && !inClass)
                {
                    return $"invalid escape sequence \\{n}";
                }

                i++;
                continue;
            }

            if (inClass)
            {
                if (c == '[' && i + 1 < p.Length && p[i + 1] == ':')
                {
                    return "POSIX character classes are not supported";
                }

                if (c == ']')
                {
                    inClass = false;
                }

                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    if (i + 1 < p.Length && p[i + 1] == '^')
                    {
                        i++;
                    }

                    if (i + 1 < p.Length && p[i + 1] == ']')
                    {
                        i++;
                    }

                    break;
                case '(' when i + 1 < p.Length && p[i + 1] == '?':
                {
                    var rest = p[(i + 2)..];
                    if (rest.StartsWith('=') || rest.StartsWith('!') || rest.StartsWith("<=", StringComparison.Ordinal)
                        || rest.StartsWith("<!", StringComparison.Ordinal))
                    {
                        return "lookaround is not supported";
                    }

                    if (rest.StartsWith('>') || rest.StartsWith('(') || rest.StartsWith('#'))
                    {
                        return "unsupported group syntax";
                    }

                    if (rest.StartsWith('\''))
                    {
                        return "invalid named capture";
                    }

                    break;
                }

                case '+' or '*' or '?' or '}':
                    if (i + 1 < p.Length && p[i + 1] == '+')
                    {
                        return "possessive quantifiers are not supported";
                    }

                    if (i + 1 < p.Length && p[i + 1] is '*' || (c != '?' && i + 1 < p.Length && p[i + 1] is '*'))
                    {
                        return "bad repetition operator";
                    }

                    break;
            }
        }

        return inClass ? "missing closing ]" : null;
    }
}
