using System.Globalization;

namespace Verity.Bench.Commands;

/// <summary><c>--name value</c> options of a bench command. An unknown or malformed option is a usage error.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private Arguments() { }

    public static Arguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new Arguments();
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                throw new UsageException($"expected --option value, found \"{args[i]}\"");
            parsed._values[args[i][2..]] = args[++i];
        }
        return parsed;
    }

    public string? String(string name)
    {
        _read.Add(name);
        return _values.GetValueOrDefault(name);
    }

    public int? Int(string name)
    {
        if (String(name) is not { } text) return null;
        return int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new UsageException($"--{name} must be a non-negative integer, found \"{text}\"");
    }

    /// <summary>Fails on options no one asked for (call after reading all of them).</summary>
    public void EnsureAllRead()
    {
        var unknown = _values.Keys.Where(k => !_read.Contains(k)).ToList();
        if (unknown.Count > 0) throw new UsageException($"unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}");
    }
}
