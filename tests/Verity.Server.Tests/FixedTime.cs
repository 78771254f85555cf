namespace Verity.Server.Tests;

/// <summary>A clock stopped at one instant, so exception expiry is decided the same on every run.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
