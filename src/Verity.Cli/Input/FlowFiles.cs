using Verity.Core.Model;
using Verity.Network.Flows;

namespace Verity.Cli.Input;

/// <summary>
/// Reads flow captures for the commands that take <c>--flows</c> (<c>netpol audit</c>, <c>netpol generate</c>,
/// <c>scan</c>): every file in turn (<c>-</c> is stdin), streamed straight into the mapper's aggregation, so a
/// capture of millions of lines is never held in memory. A file that cannot be opened or stops being readable
/// (e.g. a truncated gzip) becomes a diagnostic and the next file is read; bad lines are diagnostics too.
/// </summary>
internal static class FlowFiles
{
    public static IReadOnlyList<ObservedConnection> Aggregate(IReadOnlyList<string> files, FlowMapper mapper, CliEnvironment env, List<Diagnostic> diagnostics) =>
        mapper.Aggregate(Flows(files, env, diagnostics));

    private static IEnumerable<FlowRecord> Flows(IReadOnlyList<string> files, CliEnvironment env, List<Diagnostic> diagnostics)
    {
        foreach (var file in files)
        {
            var stream = Open(file, env, diagnostics);
            if (stream is null) continue;
            using (stream)
            {
                foreach (var flow in Guarded(FlowReader.Read(stream, file, diagnostics), file, diagnostics)) yield return flow;
            }
        }
    }

    private static Stream? Open(string file, CliEnvironment env, List<Diagnostic> diagnostics)
    {
        try
        {
            return file == "-" ? env.OpenStdin() : File.OpenRead(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Unreadable(file, e));
            return null;
        }
    }

    /// <summary>The flows of one file, ending with a diagnostic instead of an exception when the file breaks off.</summary>
    private static IEnumerable<FlowRecord> Guarded(IEnumerable<FlowRecord> flows, string file, List<Diagnostic> diagnostics)
    {
        using var enumerator = flows.GetEnumerator();
        while (true)
        {
            try
            {
                if (!enumerator.MoveNext()) yield break;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                diagnostics.Add(Unreadable(file, e));
                yield break;
            }
            yield return enumerator.Current;
        }
    }

    private static Diagnostic Unreadable(string file, Exception e) =>
        new(DiagnosticLevel.Error, DiagnosticCodes.Unreadable, $"cannot read flows: {Reason(e)}", new SourceLocation(file));

    private static string Reason(Exception e) => e is FileNotFoundException or DirectoryNotFoundException ? "no such file or directory" : e.Message;
}
