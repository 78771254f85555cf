using System.Runtime.CompilerServices;
using System.Text;
using Verity.Rbac.Audit;

namespace Verity.Rbac.Tests.Audit;

/// <summary>Paths of the audit test data, and running the whole from-audit pipeline on text.</summary>
internal static class AuditTestData
{
    /// <summary>testdata/audit in the build output (copied there by the test project).</summary>
    public static string OutputDirectory => Path.Combine(AppContext.BaseDirectory, "testdata", "audit");

    /// <summary>testdata/audit in the source tree, so UPDATE_GOLDEN=1 rewrites the checked-in files.</summary>
    public static string SourceDirectory() => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(ThisFile()))!, "testdata", "audit");

    public static AuditRbacResult Generate(string log, string? user = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(log));
        return AuditRbacGenerator.Generate(AuditLogReader.Read(stream, "audit.log"), new AuditRbacOptions { User = user });
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
