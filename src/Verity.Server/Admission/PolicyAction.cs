namespace Verity.Server.Admission;

/// <summary>
/// One policy's contribution to a decision, for metrics and logs: <see cref="Policy"/> is e.g. <c>pss-enforce</c>,
/// <c>pss-warn</c>, <c>pss-audit</c>, <c>mutation</c>; <see cref="Action"/> one of <c>allow</c>, <c>deny</c>, <c>warn</c>,
/// <c>audit</c>, <c>skip</c>, <c>error</c>, <c>patch</c>.
/// </summary>
public readonly record struct PolicyAction(string Policy, string Action);
