namespace Verity.Bench.Netpol;

/// <summary>What one <c>netpol</c> run measured; times are medians over the iterations.</summary>
internal sealed class NetpolResult
{
    public required NetpolInput Input { get; init; }
    public int Objects { get; set; }
    public int Pods { get; set; }
    public int NetworkPolicies { get; set; }
    public int ClusterPolicies { get; set; }
    public int Endpoints { get; set; }
    public int Ports { get; set; }
    public int Classes { get; set; }
    public int ClassesAfter { get; set; }
    public long ClassPairs { get; set; }
    public int PolicyDiagnostics { get; set; }
    public List<TimeSpan> Load { get; } = [];
    public List<TimeSpan> Parse { get; } = [];
    public List<TimeSpan> Compile { get; } = [];
    public List<TimeSpan> Matrix { get; } = [];
    public List<TimeSpan> Diff { get; } = [];
    public List<double> QueryMicroseconds { get; } = [];
    public List<double> ResolvedQueryMicroseconds { get; } = [];
    public int Allowed { get; set; }
    public int Opened { get; set; }
    public int Closed { get; set; }
    public long Compared { get; set; }
    public int MatrixChecked { get; set; }
    public TimeSpan Total { get; set; }

    public static TimeSpan Median(IReadOnlyList<TimeSpan> values) =>
        values.Count == 0 ? TimeSpan.Zero : values.Order().ElementAt(values.Count / 2);

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
    }
}
