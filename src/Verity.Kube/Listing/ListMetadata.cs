using System.Text.Json;

namespace Verity.Kube.Listing;

/// <summary>Reads <c>metadata.continue</c> of a list page: the token for the next page, or null on the last page.</summary>
internal static class ListMetadata
{
    /// <summary>Scans only the top-level <c>metadata</c>; <c>items</c> are skipped. Malformed JSON gives null (the parser reports it).</summary>
    public static string? Continue(ReadOnlySpan<byte> page)
    {
        var reader = new Utf8JsonReader(page, new JsonReaderOptions { MaxDepth = 1024 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isMetadata = reader.ValueTextEquals("metadata"u8);
                reader.Read();
                if (isMetadata && reader.TokenType == JsonTokenType.StartObject) return ContinueIn(ref reader);
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Reported by ManifestParser, which reads the same bytes.
        }
        return null;
    }

    private static string? ContinueIn(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isContinue = reader.ValueTextEquals("continue"u8);
            reader.Read();
            if (isContinue) return reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } token ? token : null;
            reader.Skip();
        }
        return null;
    }
}
