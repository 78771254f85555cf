namespace Verity.Bench.Rbac;

/// <summary>What one <c>rbac</c> run measured.</summary>
internal sealed class RbacResult
{
    public required RbacShape Shape { get; init; }
    public long InputBytes { get; set; }
    public int Objects { get; set; }
    public int Roles { get; set; }
    public int Rules { get; set; }
    public int Bindings { get; set; }
    public int Subjects { get; set; }
    public int Workloads { get; set; }
    public int Diagnostics { get; set; }
    public int Findings { get; set; }
    public int Paths { get; set; }
    public double ClusterScore { get; set; }
    public List<TimeSpan> Load { get; } = [];
    public List<TimeSpan> Authorizer { get; } = [];
    public List<TimeSpan> Risks { get; } = [];
    public List<TimeSpan> Graph { get; } = [];
    public List<TimeSpan> PathsTime { get; } = [];
    public List<TimeSpan> Scores { get; } = [];
    public List<double> WhoCanMilliseconds { get; } = [];
    public double WhoCanAnswers { get; set; }
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
