using System.Globalization;

namespace Verity.Admission.Pss;

/// <summary>
/// A policy version: <c>latest</c> or <c>v1.N</c> (upstream <c>api.Version</c>, parsed by <c>api.ParseVersion</c> with
/// <c>^v1\.(0|[1-9][0-9]*)$</c>). A version newer than the newest the engine knows is kept as written (messages
/// show it) but evaluated as the newest, like upstream <c>checkRegistry.EvaluatePod</c>.
/// </summary>
public readonly record struct PssVersion
{
    private PssVersion(int minor, bool isLatest)
    {
        Minor = minor;
        IsLatest = isLatest;
    }

    /// <summary>The minor version N of <c>v1.N</c>; meaningless when <see cref="IsLatest"/>.</summary>
    public int Minor { get; }

    public bool IsLatest { get; }

    public static PssVersion Latest { get; } = new(0, true);

    public static PssVersion V1(int minor) => minor >= 0 ? new(minor, false) : throw new ArgumentOutOfRangeException(nameof(minor));

    /// <summary>Parses <c>latest</c> or <c>v1.N</c> (no leading zeros, no spaces); false otherwise.</summary>
    public static bool TryParse(string? text, out PssVersion version)
    {
        version = Latest;
        if (text == "latest") return true;
        if (text is null || !text.StartsWith("v1.", StringComparison.Ordinal)) return false;
        var digits = text[3..];
        if (digits.Length == 0 || digits.Any(c => c is < '0' or > '9') || digits.Length > 1 && digits[0] == '0') return false;
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var minor)) return false;
        version = V1(minor);
        return true;
    }

    /// <summary>The minor version rules are taken from: <paramref name="newest"/> for latest or anything newer.</summary>
    internal int EffectiveMinor(int newest) => IsLatest || Minor > newest ? newest : Minor;

    public override string ToString() => IsLatest ? "latest" : $"v1.{Minor.ToString(CultureInfo.InvariantCulture)}";
}
