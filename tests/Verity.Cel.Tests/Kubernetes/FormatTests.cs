using Verity.Cel.Kubernetes;

namespace Verity.Cel.Tests.Kubernetes;

/// <summary>Cases ported from kubernetes staging/src/k8s.io/apiserver/pkg/cel/library/format_test.go (TestFormat).</summary>
public sealed class FormatTests
{
    [Theory]
    [InlineData("format.dns1123Label().validate(\"my-label-name\")")]
    [InlineData("format.dns1123Subdomain().validate(\"apiextensions.k8s.io\")")]
    [InlineData("format.qualifiedName().validate(\"apiextensions.k8s.io/v1beta1\")")]
    [InlineData("format.dns1123LabelPrefix().validate(\"my-label-prefix-\")")]
    [InlineData("format.dns1123SubdomainPrefix().validate(\"mysubdomain.prefix.-\")")]
    [InlineData("format.dns1035LabelPrefix().validate(\"my-label-prefix-\")")]
    [InlineData("format.uri().validate(\"http://example.com\")")]
    [InlineData("format.uuid().validate(\"123e4567-e89b-12d3-a456-426614174000\")")]
    [InlineData("format.byte().validate(\"aGVsbG8=\")")]
    [InlineData("format.date().validate(\"2021-01-01\")")]
    [InlineData("format.datetime().validate(\"2021-01-01T00:00:00Z\")")]
    [InlineData("format.dns1123Subdomain().validate(\"example.com\")")]
    [InlineData("format.dns1035Label().validate(\"my-label-name\")")]
    [InlineData("format.qualifiedName().validate(\"my.name\")")]
    [InlineData("format.date().validate(\"2020-01-01\")")]
    [InlineData("format.datetime().validate(\"2020-01-01T00:00:00Z\")")]
    [InlineData("format.labelValue().validate(\"my-cool-label-Value\")")]
    [InlineData("format.labelValue().validate(\"\")")]
    [InlineData("format.datetime().validate(\"2020-01-01t10:20:30.5+01:00\")")]
    public void Valid_strings_give_none(string expr) => Assert.Equal(true, K8s.Raw(expr + " == optional.none()"));

    [Theory]
    [InlineData("format.dns1123Label().validate(\"contains a space\")", "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')")]
    [InlineData("format.dns1123Subdomain().validate(\"contains a space\")", "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")]
    [InlineData("format.dns1035Label().validate(\"contains a space\")", "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')")]
    [InlineData("format.qualifiedName().validate(\"contains a space\")", "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")]
    [InlineData("format.dns1123LabelPrefix().validate(\"contains a space-\")", "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')")]
    [InlineData("format.dns1123SubdomainPrefix().validate(\"contains a space-\")", "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")]
    [InlineData("format.dns1035LabelPrefix().validate(\"contains a space-\")", "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')")]
    [InlineData("format.byte().validate(\"aGVsbG8\")", "invalid base64")]
    [InlineData("format.date().validate(\"2020-01-32\")", "invalid date")]
    [InlineData("format.datetime().validate(\"2020-01-32T00:00:00Z\")", "invalid datetime")]
    [InlineData("format.labelValue().validate(\"my-cool-label-Value!!\\n\\n!!!\")", "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")]
    [InlineData("format.dns1123Label().validate(\"a.b\")", "must not contain dots")]
    [InlineData("format.uuid().validate(\"123e4567\")", "does not match the UUID format")]
    [InlineData("format.uri().validate(\"foo\")", "parse \"foo\": invalid URI for request")]
    [InlineData("format.datetime().validate(\"2020-01-01T24:00:00Z\")", "invalid datetime")]
    public void Invalid_strings_give_the_upstream_message(string expr, string message) =>
        K8s.Is(expr + ".value()", new[] { message });

    [Fact]
    public void Several_problems_are_all_reported() =>
        K8s.Is("format.qualifiedName().validate('-/-').value()", new[]
        {
            "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        });

    [Fact]
    public void Label_longer_than_63_reports_length_and_pattern() =>
        K8s.Is($"format.dns1123Label().validate('{new string('a', 64)}-').value()", new[]
        {
            "must be no more than 63 characters",
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
        });

    [Fact]
    public void Unknown_format_is_none() => Assert.Equal(false, K8s.Raw("format.named(\"unknown\").hasValue()"));

    public static TheoryData<string> Names => [.. FormatLibrary.Formats.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Named_lookup_finds_each_format_and_formats_differ(string name)
    {
        Assert.Equal(true, K8s.Raw($"format.named(\"{name}\").hasValue()"));
        Assert.Equal(true, K8s.Raw($"format.named(\"{name}\").value() == format.{name}()"));
        foreach (var other in FormatLibrary.Formats.Keys.Where(o => o != name))
        {
            Assert.Equal(false, K8s.Raw($"format.{name}() == format.{other}()"));
        }
    }

    [Fact]
    public void Validate_result_type_checks_as_optional_list_of_string() =>
        Assert.Equal("optional_type(list(string))", K8s.Env.Compile("format.dns1123Label().validate('x')").Program!.ResultType.ToString());
}
