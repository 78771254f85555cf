namespace Verity.Bench.Commands;

/// <summary>Bad command-line usage: printed with the usage text, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
