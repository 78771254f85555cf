namespace Verity.Core.Tests.Selectors;

/// <summary>An obviously correct reading of apimachinery's Requirement.Matches, to check the
/// real evaluator against on random inputs.</summary>
internal static class ReferenceEvaluator
{
    public static bool Matches(IEnumerable<RefRequirement> requirements, IReadOnlyDictionary<string, string> labels) =>
        requirements.All(r => Matches(r, labels));

    private static bool Matches(RefRequirement r, IReadOnlyDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(r.Key, out var value);
        return r.Op switch
        {
            "in" or "=" or "==" => present && r.Values.Contains(value),
            "notin" or "!=" => !present || !r.Values.Contains(value),
            "exists" => present,
            "!" => !present,
            ">" => present && IsInteger(value!) && long.Parse(value!) > long.Parse(r.Values[0]),
            "<" => present && IsInteger(value!) && long.Parse(value!) < long.Parse(r.Values[0]),
            _ => throw new ArgumentException(r.Op),
        };
    }

    // Base-10, optional sign, ASCII digits, in range (Go strconv.ParseInt(s, 10, 64)).
    private static bool IsInteger(string s)
    {
        var digits = s.StartsWith('-') || s.StartsWith('+') ? s[1..] : s;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit) && long.TryParse(s, out _);
    }
}
