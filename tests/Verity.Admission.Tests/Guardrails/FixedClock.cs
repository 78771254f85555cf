namespace Verity.Admission.Tests.Guardrails;

/// <summary>A clock that always says <paramref name="now"/> (FakeTimeProvider is not a dependency of this repository).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public static FixedClock At(string rfc3339) =>
        new(DateTimeOffset.Parse(rfc3339, global::System.Globalization.CultureInfo.InvariantCulture));
}
