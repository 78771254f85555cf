using System.IO.Compression;
using Verity.Cli.Output;
using Verity.Core.Model;
using Verity.Rbac.Audit;

namespace Verity.Cli.Rbac;

/// <summary>
/// Runs <c>from-audit</c>: opens the log (<c>-</c> is stdin; gzip recognised by its magic bytes, as flow files are),
/// derives the roles with Verity.Rbac.Audit and writes the YAML to stdout or <c>--out</c>. On stderr: each denied request
/// (<c>FILE:LINE: denied (HTTP 403), not granted: ...</c>), then every diagnostic (VT3101–VT3103). Exit 2 when the
/// log could not be read or a line or event was unusable (errors; VT3103 skips are warnings), else 0.
/// </summary>
internal static class FromAuditRunner
{
    public static async Task<int> RunAsync(string file, string? user, string? outFile, CliEnvironment env, CancellationToken cancellationToken)
    {
        AuditRbacResult result;
        try
        {
            using var stream = Open(file, env);
            result = AuditRbacGenerator.Generate(AuditLogReader.Read(stream, file), new AuditRbacOptions { User = user });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            DiagnosticWriter.Write(env.Error, [new Diagnostic(DiagnosticLevel.Error, DiagnosticCodes.Unreadable, $"cannot read audit log: {Reason(e)}", new SourceLocation(file))]);
            return ExitCodes.BadInput;
        }

        var yaml = AuditRbacYamlWriter.Write(result);
        if (outFile is null) await env.Out.WriteAsync(yaml);
        else
        {
            try
            {
                await File.WriteAllTextAsync(outFile, yaml, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await env.Error.WriteLineAsync($"error: cannot write {outFile}: {Reason(e)}");
                return ExitCodes.BadInput;
            }
        }
        await env.Out.FlushAsync(cancellationToken);
        foreach (var request in result.Denied)
            await env.Error.WriteLineAsync($"{request.Source.File}:{request.Source.Line}: denied (HTTP 403), not granted: {request} (auditID {request.AuditId})");
        DiagnosticWriter.Write(env.Error, result.Diagnostics);
        return result.Diagnostics.Any(d => d.Level == DiagnosticLevel.Error) ? ExitCodes.BadInput : ExitCodes.Ok;
    }

    /// <summary>The log as a stream, decompressed when it starts with the gzip magic bytes (1f 8b). Standard input is
    /// buffered first, since it cannot be rewound after sniffing.</summary>
    private static Stream Open(string file, CliEnvironment env)
    {
        Stream stream;
        if (file == "-")
        {
            var buffer = new MemoryStream();
            using (var stdin = env.OpenStdin()) stdin.CopyTo(buffer);
            buffer.Position = 0;
            stream = buffer;
        }
        else stream = File.OpenRead(file);
        var head = new byte[2];
        var n = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        stream.Position = 0;
        return n == 2 && head[0] == 0x1f && head[1] == 0x8b ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }

    private static string Reason(Exception e) => e is FileNotFoundException or DirectoryNotFoundException ? "no such file or directory" : e.Message;
}
