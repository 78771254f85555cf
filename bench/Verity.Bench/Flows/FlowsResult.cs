namespace Verity.Bench.Flows;

/// <summary>Everything one flows benchmark run measured (times in seconds) and the checks it made.</summary>
internal sealed class FlowsResult
{
    public int Pods { get; set; }
    public int Workloads { get; set; }
    public int Objects { get; set; }
    public double SnapshotLoad { get; set; }
    public int Lines { get; set; }
    public long Bytes { get; set; }
    public int Conversations { get; set; }
    public List<double> Bare { get; } = [];
    public List<double> Ingest { get; } = [];
    public long Tokens { get; set; }
    public int Flows { get; set; }
    public int Replies { get; set; }
    public double Model { get; set; }
    public double ReadAndAggregate { get; set; }
    public double Generate { get; set; }
    public double Proof { get; set; }
    public double Run => Model + ReadAndAggregate + Generate + Proof;
    public int Connections { get; set; }
    public int Policies { get; set; }
    public int Verified { get; set; }
    public int Denied { get; set; }
    public long OverPermitted { get; set; }
    public long Unobserved { get; set; }
    public long PeakWorkingSet { get; set; }
}
