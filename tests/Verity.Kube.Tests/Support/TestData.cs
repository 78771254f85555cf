namespace Verity.Kube.Tests.Support;

/// <summary>Paths of the recorded API responses under <c>testdata/</c> (copied beside the test assembly).</summary>
internal static class TestData
{
    public static string Recorded => Path.Combine(AppContext.BaseDirectory, "testdata", "recorded");

    public static string File(string relative) => Path.Combine(Recorded, relative);

    public const string FirstPodsToken =
        "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6NDgyMTMsInN0YXJ0IjoiZGVtby93ZWItN2Q0YjljNmY4ZC1hYmNkZVx1MDAwMCJ9";

    public const string SecondPodsToken =
        "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6NDgyMTMsInN0YXJ0Ijoia3ViZS1zeXN0ZW0vY29yZWRucy01ZDc4Yzk4NjlkLXgyeDdwXHUwMDAwIn0";
}
