namespace Verity.Cel.Runtime;

/// <summary>Internal signal that stops evaluation when the cost limit is exceeded; caught by the program and turned into an error result.</summary>
internal sealed class CostLimitExceededException : Exception
{
    public CostLimitExceededException()
        : base("operation cancelled: actual cost limit exceeded")
    {
    }
}
