namespace Verity.Identity.Tests;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData("1h", 3600)]
    [InlineData("30m", 1800)]
    [InlineData("90s", 90)]
    [InlineData("24h", 86400)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5h", 5400)]
    [InlineData("500ms", 0.5)]
    public void Go_durations_parse(string text, double seconds)
    {
        Assert.True(GoDuration.TryParse(text, out var duration, out var error), error);
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("h")]
    [InlineData("1d")]
    [InlineData("-1h")]
    [InlineData("0s")]
    [InlineData("1h ")]
    [InlineData("1H")]
    public void Bad_durations_are_refused(string text)
    {
        Assert.False(GoDuration.TryParse(text, out _, out var error));
        Assert.Equal($"invalid duration \"{text}\": expected a positive number with a unit, e.g. 1h, 30m, 90s or 1h30m", error);
    }

    [Theory]
    [InlineData(3600, "1h")]
    [InlineData(5400, "1h30m")]
    [InlineData(90, "1m30s")]
    [InlineData(86400, "24h")]
    [InlineData(10810, "3h0m10s")]
    public void Durations_format_like_go(int seconds, string text) => Assert.Equal(text, GoDuration.Format(TimeSpan.FromSeconds(seconds)));
}
