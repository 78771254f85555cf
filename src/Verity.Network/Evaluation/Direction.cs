namespace Verity.Network.Evaluation;

/// <summary>Which side decides: egress at the source, ingress at the destination.</summary>
public enum Direction
{
    Egress,
    Ingress,
}
