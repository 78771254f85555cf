namespace Verity.Posture.Isolation;

/// <summary>How many of a namespace's pods are isolated in one direction: <see cref="Isolated"/> of <see cref="Total"/>.</summary>
public readonly record struct IsolationShare(int Isolated, int Total)
{
    public override string ToString() => $"{Isolated} of {Total}";
}
