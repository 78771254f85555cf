using System.Text;
using Verity.Rbac.Audit;

namespace Verity.Rbac.Tests.Audit;

public sealed class AuditLogReaderTests
{
    private const string Event1 = """{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"7f1c2d3e-0a1b-4c5d-8e9f-0a1b2c3d4e5f","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/default/pods?limit=500","verb":"list","user":{"username":"alice","groups":["system:authenticated"]},"sourceIPs":["10.0.0.8"],"objectRef":{"resource":"pods","namespace":"default","apiVersion":"v1"},"responseStatus":{"metadata":{},"code":200}}""";
    private const string Event2 = """{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"0b9e8d7c-6f5e-4d3c-9b2a-1f0e9d8c7b6a","stage":"ResponseComplete","requestURI":"/healthz?verbose","verb":"get","user":{"username":"alice","groups":["system:authenticated"]},"sourceIPs":["10.0.0.8"],"responseStatus":{"metadata":{},"code":200}}""";

    private static List<AuditLogEntry> Read(string text) =>
        [.. AuditLogReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "audit.log")];

    [Fact]
    public void JsonLinesKeepLineNumbersAcrossBlankAndCrlfLines()
    {
        var entries = Read($"{Event1}\r\n\r\n{Event2}\r\n");
        Assert.Equal([1, 3], entries.Select(e => e.Event!.Source.Line));
        Assert.Equal("/healthz?verbose", entries[1].Event!.RequestUri);
        Assert.Null(entries[1].Event!.ObjectRef);
        Assert.Equal(new AuditObjectRef { Resource = "pods", Namespace = "default", ApiVersion = "v1" }, entries[0].Event!.ObjectRef);
    }

    [Fact]
    public void TruncatedLastLineIsADiagnosticAndEarlierLinesAreKept()
    {
        var entries = Read($"{Event1}\n{Event2[..80]}");
        Assert.NotNull(entries[0].Event);
        var diagnostic = Assert.Single(entries, e => e.Diagnostic is not null).Diagnostic!;
        Assert.Equal(AuditDiagnosticCodes.MalformedLine, diagnostic.Code);
        Assert.Equal(2, diagnostic.Location!.Line);
    }

    [Fact]
    public void PrettyPrintedEventListGivesEachItemItsLine()
    {
        var text = "{\n  \"kind\": \"EventList\",\n  \"apiVersion\": \"audit.k8s.io/v1\",\n  \"metadata\": {},\n  \"items\": [\n    "
            + Event1 + ",\n    " + Event2 + ",\n    {\"kind\": \"Event\"}\n  ]\n}\n";
        var entries = Read(text);
        Assert.Equal(3, entries.Count);
        Assert.Equal((6, 0), (entries[0].Event!.Source.Line, entries[0].Event!.Source.ListIndex));
        Assert.Equal((7, 1), (entries[1].Event!.Source.Line, entries[1].Event!.Source.ListIndex));
        Assert.Equal("audit.log:8:1 (items[2]): error VT3102: auditID is missing; stage is missing; verb is missing; requestURI is missing (needed for a request without objectRef)",
            entries[2].Diagnostic!.ToString());
    }

    [Fact]
    public void PrettyPrintedSingleEventIsRead()
    {
        var pretty = System.Text.Json.JsonSerializer.Serialize(
            System.Text.Json.JsonDocument.Parse(Event1).RootElement, new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
        var auditEvent = Assert.Single(Read("\n" + pretty)).Event!;
        Assert.Equal(("7f1c2d3e-0a1b-4c5d-8e9f-0a1b2c3d4e5f", 2), (auditEvent.AuditId, auditEvent.Source.Line));
        Assert.Equal(AuditStage.ResponseComplete, auditEvent.Stage);
        Assert.Equal(200, auditEvent.ResponseCode);
    }

    [Fact]
    public void SyntaxErrorInAPrettyDocumentNamesItsLineAndKeepsWhatCameBefore()
    {
        // A pretty event, then a list broken in its second item: the event and the list's first item are used.
        var entries = Read("{\n" + Event1[1..] + "\n{\"kind\": \"EventList\", \"items\": [\n  " + Event2 + ",\n  {\"auditID\": }\n]}\n" + Event1 + "\n");
        Assert.Equal(3, entries.Count);
        Assert.Equal("7f1c2d3e-0a1b-4c5d-8e9f-0a1b2c3d4e5f", entries[0].Event!.AuditId);
        Assert.Equal(("0b9e8d7c-6f5e-4d3c-9b2a-1f0e9d8c7b6a", 4, 0), (entries[1].Event!.AuditId, entries[1].Event!.Source.Line, entries[1].Event!.Source.ListIndex));
        var diagnostic = entries[2].Diagnostic!;
        Assert.Equal((AuditDiagnosticCodes.MalformedLine, 5), (diagnostic.Code, diagnostic.Location!.Line));
    }

    [Fact]
    public void EventListOnOneLineIsExpanded()
    {
        var entries = Read($$"""{"kind":"EventList","apiVersion":"audit.k8s.io/v1","metadata":{},"items":[{{Event1}},{{Event2}}]}""");
        Assert.Equal([0, 1], entries.Select(e => e.Event!.Source.ListIndex ?? -1));
        Assert.All(entries, e => Assert.Equal(1, e.Event!.Source.Line));
    }

    [Fact]
    public void EmptyInputHasNoEntries() => Assert.Empty(Read(""));

    [Fact]
    public void ImpersonatedUserIsTheEffectiveUser()
    {
        var line = Event1.Replace("\"sourceIPs\"", "\"impersonatedUser\":{\"username\":\"system:serviceaccount:ci:deployer\"},\"sourceIPs\"", StringComparison.Ordinal);
        var auditEvent = Assert.Single(Read(line)).Event!;
        Assert.Equal("alice", auditEvent.User.Username);
        Assert.Equal("system:serviceaccount:ci:deployer", auditEvent.EffectiveUsername);
    }
}
