namespace Verity.Admission.Guardrails.Rules;

/// <summary>Why an image does not name a fixed version (<see cref="ImageTagRule"/>).</summary>
public enum ImageTagProblem
{
    /// <summary>The reference does not parse; the runtime would refuse to pull it.</summary>
    InvalidReference,

    /// <summary>No tag and no digest: the runtime pulls <c>latest</c>.</summary>
    NoTag,

    /// <summary>The tag is <c>latest</c> and there is no digest.</summary>
    LatestTag,
}
