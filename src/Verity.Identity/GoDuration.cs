using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Verity.Identity;

/// <summary>
/// Durations written as Go's <c>time.ParseDuration</c> accepts them and SPIRE's configuration uses them: a sequence of
/// decimal numbers with units <c>h</c>, <c>m</c>, <c>s</c>, <c>ms</c> (e.g. <c>1h</c>, <c>30m</c>, <c>90s</c>, <c>1h30m</c>,
/// <c>1.5h</c>). Negative and zero durations are refused: every duration in Verity is a lifetime.
/// </summary>
public static class GoDuration
{
    public static bool TryParse(string? text, out TimeSpan duration, [NotNullWhen(false)] out string? error)
    {
        duration = TimeSpan.Zero;
        error = $"invalid duration \"{text}\": expected a positive number with a unit, e.g. 1h, 30m, 90s or 1h30m";
        if (string.IsNullOrEmpty(text)) return false;
        var total = 0.0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
            if (i == start || !double.TryParse(text.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return false;
            var unitStart = i;
            while (i < text.Length && char.IsAsciiLetter(text[i])) i++;
            double? seconds = text[unitStart..i] switch
            {
                "h" => 3600,
                "m" => 60,
                "s" => 1,
                "ms" => 0.001,
                _ => null,
            };
            if (seconds is null) return false;
            total += value * seconds.Value;
        }
        if (total <= 0 || total > TimeSpan.MaxValue.TotalSeconds / 2) return false;
        duration = TimeSpan.FromSeconds(total);
        error = null;
        return true;
    }

    /// <summary>Go's <c>Duration.String</c> shape for whole seconds: <c>1h0m0s</c> is written <c>1h</c>, <c>90s</c> as <c>1m30s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var builder = new StringBuilder();
        var hours = (long)duration.TotalHours;
        if (hours > 0) builder.Append(CultureInfo.InvariantCulture, $"{hours}h");
        if (duration.Minutes > 0 || (hours > 0 && duration.Seconds > 0)) builder.Append(CultureInfo.InvariantCulture, $"{duration.Minutes}m");
        if (duration.Seconds > 0 || builder.Length == 0) builder.Append(CultureInfo.InvariantCulture, $"{duration.Seconds}s");
        return builder.ToString();
    }
}
