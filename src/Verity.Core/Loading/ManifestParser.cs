using System.Text;
using Verity.Core.Model;

namespace Verity.Core.Loading;

/// <summary>
/// Parses the text of one file (YAML, multi-document YAML or JSON) into Kubernetes objects. Pure: the
/// caller reads the bytes. Input starting with <c>{</c> or <c>[</c> is JSON (as kubectl's
/// YAMLOrJSONDecoder decides); anything else is YAML.
/// </summary>
public static class ManifestParser
{
    public static LoadResult Parse(ReadOnlyMemory<byte> bytes, string file)
    {
        var objects = new List<KubeObject>();
        var diagnostics = new List<Diagnostic>();
        Parse(bytes, file, objects, diagnostics);
        return new LoadResult(objects, diagnostics);
    }

    public static LoadResult Parse(string text, string file) => Parse(Encoding.UTF8.GetBytes(text), file);

    internal static void Parse(ReadOnlyMemory<byte> bytes, string file, List<KubeObject> objects, List<Diagnostic> diagnostics)
    {
        var span = bytes.Span;
        if (span.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        var documents = new List<RawDocument>();
        if (IsJson(bytes.Span)) JsonDocumentReader.Read(bytes, file, documents, diagnostics);
        else YamlDocumentReader.Read(Encoding.UTF8.GetString(bytes.Span), file, documents, diagnostics);
        foreach (var document in documents) ObjectReader.Read(document, objects, diagnostics);
    }

    private static bool IsJson(ReadOnlySpan<byte> bytes)
    {
        var first = bytes.TrimStart(" \t\r\n"u8);
        return first.Length > 0 && first[0] is (byte)'{' or (byte)'[';
    }
}
