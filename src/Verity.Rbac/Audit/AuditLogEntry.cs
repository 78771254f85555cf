using Verity.Core.Model;

namespace Verity.Rbac.Audit;

/// <summary>One item read from an audit log: exactly one of <see cref="Event"/> (a usable event) or
/// <see cref="Diagnostic"/> (a line or item that could not be used, and why).</summary>
public sealed record AuditLogEntry
{
    public AuditEvent? Event { get; private init; }
    public Diagnostic? Diagnostic { get; private init; }

    public static AuditLogEntry Of(AuditEvent auditEvent) => new() { Event = auditEvent };

    public static AuditLogEntry Of(Diagnostic diagnostic) => new() { Diagnostic = diagnostic };
}
