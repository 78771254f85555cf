namespace Verity.Admission.Tests.Pss;

/// <summary>One fixture at one level and version: allowed or denied, and for a denial the upstream substring and the expected detail.</summary>
internal sealed record ConformanceCase(string File, string Level, int Minor, bool Allowed, string? Substring, string? Detail)
{
    public override string ToString() => $"{File} at {Level}:v1.{Minor}";
}
