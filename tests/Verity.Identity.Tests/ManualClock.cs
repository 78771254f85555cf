namespace Verity.Identity.Tests;

/// <summary>A clock that says what the test sets and moves only when told (a tiny FakeTimeProvider).</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public ManualClock() : this(Epoch)
    {
    }

    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
