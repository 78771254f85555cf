using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Verity.Identity.Tests;

/// <summary>Runs the real <c>openssl</c> binary with a timeout (tests skip when it is not on PATH).</summary>
internal static class OpenSsl
{
    public static bool Available { get; } = FindOnPath();

    public const string Missing = "openssl is not on PATH; the independent verification tests need it";

    public static (int Exit, string Output) Run(string directory, params string[] args)
    {
        using var process = Start(directory, args);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"openssl {string.Join(' ', args)} did not finish in 30 s");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public static Process Start(string directory, params string[] args)
    {
        var info = new ProcessStartInfo("openssl")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return Process.Start(info)!;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// One mutual-TLS handshake: <c>s_server -Verify 1 -verify_return_error -naccept 1</c> with the server SVID, and
    /// <c>s_client</c> with the client's (<c>-cert_chain</c> sends the intermediates of svid.crt too); returns what the server printed (stdout + stderr) and whether the client connected.
    /// </summary>
    public static (string Server, string Client, int ClientExit) Handshake(string dir, string serverCert, string serverKey, string clientCert, string clientKey, string bundle)
    {
        var port = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var server = Start(dir, "s_server", "-accept", port, "-naccept", "1", "-Verify", "1", "-verify_return_error",
            "-cert", serverCert, "-cert_chain", serverCert, "-key", serverKey, "-CAfile", bundle, "-tls1_3");
        var serverOut = new StringBuilder();
        var ready = new TaskCompletionSource();
        server.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (serverOut) serverOut.AppendLine(e.Data);
            if (e.Data.Contains("ACCEPT", StringComparison.Ordinal)) ready.TrySetResult();
        };
        server.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (serverOut) serverOut.AppendLine(e.Data);
        };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            if (!ready.Task.Wait(TimeSpan.FromSeconds(15))) throw new TimeoutException("s_server did not start: " + serverOut);
            var (clientExit, clientOut) = Run(dir, "s_client", "-connect", $"127.0.0.1:{port}", "-cert", clientCert, "-cert_chain", clientCert, "-key", clientKey,
                "-CAfile", bundle, "-verify_return_error", "-tls1_3");
            if (!server.WaitForExit(TimeSpan.FromSeconds(15))) server.Kill(entireProcessTree: true);
            server.WaitForExit();
            lock (serverOut) return (serverOut.ToString(), clientOut, clientExit);
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
        }
    }

    private static bool FindOnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, OperatingSystem.IsWindows() ? "openssl.exe" : "openssl")));
}
