using Verity.Admission.Pss;

namespace Verity.Cli.Serve;

/// <summary>Parses <c>LEVEL[:VERSION]</c> of <c>--enforce</c>, <c>--warn</c>, <c>--audit</c>: <c>baseline</c>, <c>restricted:v1.30</c>, <c>privileged</c>.</summary>
internal static class PolicyArgument
{
    public static bool TryParse(string? text, out PssLevelVersion policy, out string error)
    {
        policy = PssLevelVersion.PrivilegedLatest;
        error = "";
        var parts = (text ?? "").Split(':', 2);
        if (!PssLevels.TryParse(parts[0], out var level))
        {
            error = $"level must be privileged, baseline or restricted, not '{parts[0]}' (form: LEVEL[:VERSION], e.g. restricted:v1.30)";
            return false;
        }
        var version = PssVersion.Latest;
        if (parts.Length == 2 && !PssVersion.TryParse(parts[1], out version))
        {
            error = $"version must be \"latest\" or \"v1.N\" (e.g. v1.30), not '{parts[1]}'";
            return false;
        }
        policy = new PssLevelVersion(level, version);
        return true;
    }
}
