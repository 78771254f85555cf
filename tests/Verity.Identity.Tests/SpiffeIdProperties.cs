using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Verity.Identity.Tests;

/// <summary>Random valid IDs round-trip; random strings never throw, and what parses obeys the standard's alphabet.</summary>
public sealed class SpiffeIdProperties
{
    private const string TdChars = "abcdefghijklmnopqrstuvwxyz0123456789.-_";
    private const string PathChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_";

    private static Gen<string> Word(string alphabet, int max) =>
        Gen.Elements(alphabet.ToCharArray()).ArrayOf().Where(a => a.Length is > 0 && a.Length <= max).Select(a => new string(a));

    private static Gen<string> ValidId() =>
        from td in Word(TdChars, 40)
        from segments in Word(PathChars, 12).Where(s => s is not "." and not "..").ListOf().Select(l => l.Take(6).ToList())
        select "spiffe://" + td + string.Concat(segments.Select(s => "/" + s));

    [Property(MaxTest = 500)]
    public Property Valid_ids_round_trip() => Prop.ForAll(ValidId().ToArbitrary(), text =>
    {
        var ok = SpiffeId.TryParse(text, out var id, out _);
        return ok && id.ToString() == text && SpiffeId.Parse(id.ToString()) == id;
    });

    private static Gen<string> Noise() =>
        Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>().Where(s => s is not null),
            Gen.Elements("spiffe://", "spiffe://td", "/", "//", ".", "..", "a", "Z", ":", "@", "?", "#", "%", "-", "_", " ", "ß").ListOf().Select(l => string.Concat(l)));

    [Property(MaxTest = 1000)]
    public Property Random_strings_never_throw_and_valid_results_are_well_formed() => Prop.ForAll(Noise().ToArbitrary(), text =>
    {
        if (!SpiffeId.TryParse(text, out var id, out var error)) return error is not null && error.StartsWith("invalid SPIFFE ID", StringComparison.Ordinal);
        var segments = id.Path.Split('/').Skip(1).ToList();
        return text.StartsWith("spiffe://", StringComparison.Ordinal)
            && id.TrustDomain.Name.All(c => TdChars.Contains(c)) && id.TrustDomain.Name.Length > 0
            && segments.All(s => s.Length > 0 && s is not "." and not ".." && s.All(c => PathChars.Contains(c)))
            && id.ToString() == text;
    });

    [Property(MaxTest = 500)]
    public Property Trust_domain_and_duration_parsing_never_throw() => Prop.ForAll(Noise().ToArbitrary(), text =>
    {
        var td = TrustDomain.TryParse(text, out var parsed, out var tdError);
        var duration = GoDuration.TryParse(text, out var span, out var durationError);
        return (td ? !parsed.IsEmpty && tdError is null : tdError is not null)
            && (duration ? span > TimeSpan.Zero && durationError is null : durationError is not null);
    });
}
