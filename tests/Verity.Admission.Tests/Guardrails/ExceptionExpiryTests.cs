using Verity.Admission.Guardrails;
using Verity.Core.Model;

namespace Verity.Admission.Tests.Guardrails;

/// <summary>
/// Exceptions and time: active strictly before <c>expires</c>, inactive at and after it, decided by the one function
/// <see cref="GuardrailException.IsActiveAt"/> with the instant from an injected clock; an expired exception that
/// matches an object is a warning on that object, and every expired exception is listed for the config's owner.
/// </summary>
public sealed class ExceptionExpiryTests
{
    private const string Config = """
        apiVersion: verity.dev/v1alpha1
        kind: PolicyConfig
        metadata: {name: expiry}
        spec:
          defaultAction: disabled
          policies:
            VG-SEC-001:
              action: enforce
              exceptions:
                - name: by-date
                  owner: team-data
                  reason: the vendor image writes to /var/lib at start
                  expires: 2027-03-01
                  names: [vendor]
                - name: by-instant
                  owner: team-data
                  reason: migration window
                  expires: 2027-03-01T18:30:00+02:00
                  objectSelector: {matchLabels: {migrating: "true"}}
        """;

    private const string Pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: vendor
          namespace: data
          labels: {migrating: "true"}
        spec:
          containers: [{name: app, image: "vendor.example/app:1"}]
        """;

    [Theory]
    [InlineData("2027-02-28T23:59:59.9999999Z", true)]
    [InlineData("2027-03-01T00:00:00Z", false)]
    [InlineData("2027-03-01T00:00:00.0000001Z", false)]
    [InlineData("2027-02-28T23:30:00-01:00", false)] // the same instant as 2027-03-01T00:30Z
    [InlineData("2026-01-01T00:00:00Z", true)]
    public void A_date_expires_at_midnight_utc_that_day(string now, bool active)
    {
        var exception = Exception("by-date");
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero), exception.Expires);
        Assert.Equal(active, exception.IsActiveAt(FixedClock.At(now).GetUtcNow()));
    }

    [Theory]
    [InlineData("2027-03-01T16:29:59Z", true)]
    [InlineData("2027-03-01T16:30:00Z", false)]
    public void A_timestamp_expires_at_that_instant_whatever_its_offset(string now, bool active) =>
        Assert.Equal(active, Exception("by-instant").IsActiveAt(FixedClock.At(now).GetUtcNow()));

    [Fact]
    public void Before_expiry_the_first_active_exception_covers_the_violation()
    {
        var result = Evaluate("2027-02-28T12:00:00Z");
        Assert.True(result.Allowed);
        var violation = Assert.Single(result.Violations);
        Assert.Equal("by-date", violation.Exception);
        Assert.True(violation.ExceptionApplied);
        Assert.False(violation.Denies);
        Assert.Empty(result.Warnings);
        Assert.Equal("by-date (owner team-data, expires 2027-03-01): the vendor image writes to /var/lib at start",
            result.AuditAnnotations["VG-SEC-001.exception"]);
    }

    [Fact]
    public void Between_the_two_expiries_the_one_still_active_covers_it_and_the_other_is_reported()
    {
        var result = Evaluate("2027-03-01T08:00:00Z");
        Assert.True(result.Allowed);
        Assert.Equal("by-instant", Assert.Single(result.Violations).Exception);
        Assert.Equal(["VG-SEC-001: exception \"by-date\" (owner team-data) expired on 2027-03-01 and no longer applies; fix the object or renew the exception"],
            result.Warnings);
    }

    [Fact]
    public void At_and_after_expiry_nothing_covers_it_the_request_is_denied_and_both_are_reported()
    {
        var result = Evaluate("2027-03-01T16:30:00Z");
        Assert.False(result.Allowed);
        Assert.Null(Assert.Single(result.Violations).Exception);
        Assert.Equal(
        [
            "VG-SEC-001: exception \"by-date\" (owner team-data) expired on 2027-03-01 and no longer applies; fix the object or renew the exception",
            "VG-SEC-001: exception \"by-instant\" (owner team-data) expired on 2027-03-01T18:30:00+02:00 and no longer applies; fix the object or renew the exception",
        ], result.Warnings);
        Assert.StartsWith("VG-SEC-001: container \"app\" does not set securityContext.readOnlyRootFilesystem", result.DenialMessage);
    }

    [Fact]
    public void Expired_exceptions_are_listed_with_their_place_in_the_config()
    {
        var config = GuardrailTestData.Config(Config);
        Assert.Empty(new GuardrailEngine(config, FixedClock.At("2027-02-28T00:00:00Z")).ExpiredExceptions());
        var expired = new GuardrailEngine(config, FixedClock.At("2027-03-01T00:00:00Z")).ExpiredExceptions();
        var diagnostic = Assert.Single(expired);
        Assert.Equal(DiagnosticLevel.Warning, diagnostic.Level);
        Assert.Equal("config.yaml:10:11: warning VG1010: VG-SEC-001: exception \"by-date\" (owner team-data) expired on 2027-03-01 and no longer applies; renew it or remove it",
            diagnostic.ToString());
    }

    [Theory]
    [InlineData("2027-03-01", true)]
    [InlineData("2027-03-01T10:00:00Z", true)]
    [InlineData("2027-03-01t10:00:00.123z", true)]
    [InlineData("2027-03-01T10:00:00.5+05:30", true)]
    [InlineData("2027-03-01T10:00:00", false)] // no offset: a different instant on every machine
    [InlineData("2027-3-1", false)]
    [InlineData("2027-02-29", false)] // not a leap year
    [InlineData("01/03/2027", false)]
    [InlineData("tomorrow", false)]
    public void Expires_must_be_an_rfc3339_date_or_timestamp_with_offset(string text, bool valid)
    {
        var yaml = Config.Replace("expires: 2027-03-01\n", $"expires: \"{text}\"\n");
        var result = GuardrailConfigLoader.Load(yaml, "config.yaml");
        Assert.Equal(valid, !result.HasErrors);
        Assert.Equal(valid ? 2 : 1, result.Config.Settings(GuardrailIds.ReadOnlyRootFilesystem).Exceptions.Count);
    }

    private static GuardrailException Exception(string name) =>
        GuardrailTestData.Config(Config).Settings(GuardrailIds.ReadOnlyRootFilesystem).Exceptions.Single(e => e.Name == name);

    private static GuardrailResult Evaluate(string now) => GuardrailTestData.EvaluateOne(Pod, GuardrailTestData.Config(Config), now);
}
