using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Verity.Cel.Tests.Kubernetes;

/// <summary>Arbitrary strings never crash the Kubernetes parsers: every call returns a value or a CEL error, and isX(s) agrees with x(s) (for URLs without '#').</summary>
public sealed class RobustnessProperties
{
    private static readonly CelEnvironment Env = K8s.Create(new Dictionary<string, CelType> { ["s"] = CelType.String });

    private static readonly (CelProgram Is, CelProgram To)[] Pairs =
    [
        (Env.Compile("isQuantity(s)").Program!, Env.Compile("quantity(s)").Program!),
        (Env.Compile("isURL(s)").Program!, Env.Compile("url(s).getQuery()").Program!),
        (Env.Compile("isIP(s)").Program!, Env.Compile("string(ip(s))").Program!),
        (Env.Compile("isCIDR(s)").Program!, Env.Compile("string(cidr(s).masked())").Program!),
        (Env.Compile("isSemver(s, true)").Program!, Env.Compile("semver(s, true).major()").Program!),
    ];

    private static readonly CelProgram[] Others =
    [
        .. new[] { "dns1123Label", "dns1123Subdomain", "dns1035Label", "qualifiedName", "labelValue", "uri", "uuid", "byte", "date", "datetime" }
            .Select(f => Env.Compile($"format.{f}().validate(s)").Program!),
        Env.Compile("'a1 b22 c333'.findAll(s)").Program!,
        Env.Compile("quantity('1Gi').add(quantity(s)).compareTo(quantity(s).mul(3))").Program!,
    ];

    private static Gen<string> Inputs => Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
        Gen.Elements("1", "1.5", "-0.001", "+2e3", "7Ki", "3Ei", "1e-12", "::", "::1", "10.0.0.0/8", "fe80::1%25en0", "https://[::1]:80/p?q=1#f",
                "1.2.3-rc.1+b", "v1", "0x1F", "%zz", "a:b:c", "/", "*", ".", "e", "1.0.0-", "[", "(")
            .SelectMany(seed => Gen.Elements("", "0", ".", "/", ":", "%", "-", "e9", "Mi", "]", "\u00e9").Select(tail => seed + tail)));

    [Property(MaxTest = 400)]
    public Property Never_throws_and_predicates_agree_with_conversions() => Prop.ForAll(Inputs.ToArbitrary(), s =>
    {
        var vars = new Dictionary<string, object?> { ["s"] = s };
        foreach (var (isX, toX) in Pairs)
        {
            // Upstream too: isURL only runs url.ParseRequestURI, url() also runs url.Parse, which rejects bad
            // escapes in the fragment that ParseRequestURI leaves in the path or query.
            if (s.Contains('#', StringComparison.Ordinal) && ReferenceEquals(isX, Pairs[1].Is))
            {
                continue;
            }

            var ok = isX.Evaluate(vars);
            var conv = toX.Evaluate(vars);
            if (ok.IsError || !Equals(ok.Value!.Raw, !conv.IsError))
            {
                return false.Label($"'{s}': {ok} vs {conv}");
            }
        }

        foreach (var p in Others)
        {
            _ = p.Evaluate(vars);
        }

        return true.ToProperty();
    });
}
