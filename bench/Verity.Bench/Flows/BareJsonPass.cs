using System.Text.Json;

namespace Verity.Bench.Flows;

/// <summary>
/// The floor the flow reader is measured against: the same file read in 1 MB chunks, split into lines at
/// <c>\n</c>, and every line tokenized by a <see cref="Utf8JsonReader"/> that does nothing with the tokens.
/// Any JSON-lines reader has to do at least this much.
/// </summary>
internal static class BareJsonPass
{
    public static long Run(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        int start = 0, end = 0;
        long tokens = 0;
        while (true)
        {
            var read = stream.Read(buffer, end, buffer.Length - end);
            end += read;
            int newline;
            while ((newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n')) >= 0)
            {
                tokens += Tokens(buffer.AsSpan(start, newline));
                start += newline + 1;
            }
            if (read == 0)
            {
                if (start < end) tokens += Tokens(buffer.AsSpan(start, end - start));
                return tokens;
            }
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
            if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        }
    }

    private static long Tokens(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        long count = 0;
        while (reader.Read()) count++;
        return count;
    }
}
