using Verity.Cel.Library;

namespace Verity.Cel.Tests.Conformance;

/// <summary>Parses protobuf JSON timestamp/duration strings with the engine's own parsers.</summary>
internal static class TimeLibraryAccess
{
    public static object Timestamp(string s) => TimeLibrary.ParseTimestamp(s);

    public static object Duration(string s) => TimeLibrary.ParseDuration(s);
}
