namespace Verity.Admission.Vap;

/// <summary>
/// One outcome of a policy and binding for a request: a <c>Deny</c> (the request is rejected), a <c>Warn</c> (a warning
/// for the client) or an <c>Audit</c> (an audit annotation). <see cref="Message"/> is the validation's own message;
/// <see cref="Text"/> is what the API server says: <c>ValidatingAdmissionPolicy 'p' with binding 'b' denied request: m</c>
/// for a denial, <c>Validation failed for ValidatingAdmissionPolicy 'p' with binding 'b': m</c> for a warning.
/// </summary>
public sealed record VapDecision(string Policy, string? Binding, string Action, string Message, string Reason)
{
    /// <summary>The HTTP status of a denial: 422 for Invalid (the default), 403 Forbidden, 401 Unauthorized, 413 RequestEntityTooLarge (validating/dispatcher.go <c>reasonToCode</c>).</summary>
    public int Code => Reason switch
    {
        "Forbidden" => 403,
        "Unauthorized" => 401,
        "RequestEntityTooLarge" => 413,
        _ => 422,
    };

    public string Text => Action switch
    {
        "Deny" => Binding is null
            ? $"ValidatingAdmissionPolicy '{Policy}' denied request: {Message}"
            : $"ValidatingAdmissionPolicy '{Policy}' with binding '{Binding}' denied request: {Message}",
        "Warn" => $"Validation failed for ValidatingAdmissionPolicy '{Policy}' with binding '{Binding}': {Message}",
        _ => Message,
    };
}
