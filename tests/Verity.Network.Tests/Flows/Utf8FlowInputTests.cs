using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verity.Network.Flows;

namespace Verity.Network.Tests.Flows;

/// <summary>The byte-level input path: line splitting, BOM and CRLF, nanosecond times, escapes, shared endpoints.</summary>
public sealed class Utf8FlowInputTests
{
    private static FlowReadResult Read(string text) => FlowReader.ReadAll(new MemoryStream(Encoding.UTF8.GetBytes(text)), "flows");

    private static List<string> Lines(byte[] bytes, int bufferSize)
    {
        var reader = new Utf8LineReader(new MemoryStream(bytes), bufferSize);
        var lines = new List<string>();
        while (reader.TryReadLine(out var offset, out var length)) lines.Add(Encoding.UTF8.GetString(reader.Buffer, offset, length));
        return lines;
    }

    [Property(MaxTest = 300)]
    public Property LinesAreSplitAsStringSplitDoesForAnyBufferSize()
    {
        var text = Gen.Elements("a", "bc", "\n", "\r\n", "é", "{\"x\":1}", "").ListOf().Select(parts => string.Concat(parts));
        return Prop.ForAll(Arb.From(text), Arb.From(Gen.Choose(1, 9)), (input, size) =>
        {
            var expected = input.Split('\n').Select(l => l.EndsWith('\r') ? l[..^1] : l).ToList();
            if (input.EndsWith('\n') || input.Length == 0) expected.RemoveAt(expected.Count - 1);
            return Lines(Encoding.UTF8.GetBytes(input), size).SequenceEqual(expected);
        });
    }

    [Fact]
    public void AByteOrderMarkAndCrlfLineEndsAreIgnored()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("first\r\nsecond")).ToArray();
        Assert.Equal(["first", "second"], Lines(bytes, 2));
    }

    [Fact]
    public void HubbleNanosecondTimesEscapedLabelsAndRepeatedEndpointsAreRead()
    {
        const string line = """{"flow":{"time":"2021-11-10T10:40:56.465597700Z","verdict":"FORWARDED","IP":{"source":"10.0.0.1","destination":"10.0.0.2"},"l4":{"TCP":{"destination_port":80}},"source":{"namespace":"a","pod_name":"p","labels":["k8s:app=w\u0065b"]},"destination":{"namespace":"a","pod_name":"q"}}}""";
        var result = Read(line + "\r\n" + line + "\r\n");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Flows.Count);
        Assert.Equal(new DateTimeOffset(2021, 11, 10, 10, 40, 56, TimeSpan.Zero).AddTicks(4655977), result.Flows[0].Time);
        Assert.Equal("web", result.Flows[0].Source.Labels["app"]);
        Assert.Same(result.Flows[0].Source, result.Flows[1].Source);
    }

    [Fact]
    public void TheSamePodWithADifferentAddressIsADifferentEndpoint()
    {
        const string a = """{"IP":{"source":"10.0.0.1","destination":"10.0.0.9"},"source":{"namespace":"a","pod_name":"p"},"destination":{}}""";
        var result = Read(a + "\n" + a.Replace("10.0.0.1", "10.0.0.7") + "\n");
        Assert.Equal(["10.0.0.1", "10.0.0.7"], result.Flows.Select(f => f.Source.Address!.ToString()));
        Assert.Equal(["p", "p"], result.Flows.Select(f => f.Source.PodName!));
    }

    [Fact]
    public void TrailingContentAfterTheObjectIsAnError()
    {
        var result = Read("""{"IP":{"source":"10.0.0.1"}} x""" + "\n");
        Assert.Empty(result.Flows);
        Assert.StartsWith("flows:1:1: error VT2101: line 1 skipped: invalid JSON (", Assert.Single(result.Diagnostics).ToString());
    }

    [Property(MaxTest = 300)]
    public Property TheHubbleTimeFastPathAgreesWithTheJsonReader()
    {
        var stamps = Gen.Choose(0, int.MaxValue).SelectMany(seconds => Gen.Choose(0, 999_999_999).SelectMany(nanos => Gen.Choose(1, 9).Select(digits =>
            $"{DateTime.UnixEpoch.AddSeconds(seconds):yyyy-MM-dd'T'HH:mm:ss}.{nanos.ToString("D9")[..digits]}Z")));
        var odd = Gen.Elements("2021-11-10T10:40:56Z", "2021-11-10T10:40:56.1+02:00", "2021-02-30T10:40:56.1Z", "2021-11-10T24:00:00.0Z", "2021-11-10T10:40:56.Z", "x");
        var cases = Gen.OneOf(stamps.Select(t => (Text: t, Valid: true)), odd.Select(t => (Text: t, Valid: false)));
        return Prop.ForAll(Arb.From(cases), c =>
        {
            var text = c.Text;
            var bytes = Encoding.UTF8.GetBytes($"\"{text}\"");
            var reader = new System.Text.Json.Utf8JsonReader(bytes);
            reader.Read();
            var expected = reader.TryGetDateTimeOffset(out var parsed) ? parsed : (DateTimeOffset?)null;
            // Hubble's own form is always taken and agrees exactly; anything else agrees or is declined (the caller
            // then uses the general parser).
            var taken = HubbleTime.TryParse(reader.ValueSpan, out var fast);
            return c.Valid ? taken && expected == fast : !taken || expected == fast;
        });
    }
}
