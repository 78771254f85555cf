namespace Verity.Core.Model;

/// <summary>How serious a diagnostic or finding is. Ordered: a higher value is more serious.</summary>
public enum Severity
{
    Info = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
