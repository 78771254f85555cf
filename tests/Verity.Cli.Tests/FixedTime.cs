namespace Verity.Cli.Tests;

/// <summary>A clock that always says <paramref name="now"/>, so exception expiry in tests does not depend on the day they run.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
