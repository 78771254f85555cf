namespace Verity.Core.Selectors;

/// <summary>
/// The operators of a Kubernetes label selector requirement, as in
/// k8s.io/apimachinery/pkg/selection/operator.go. The string syntax keeps the spelling the
/// author used (<c>=</c>, <c>==</c>, <c>in</c>) so that <see cref="LabelSelector.ToString"/>
/// renders what apimachinery renders; <see cref="Equals"/> and <see cref="DoubleEquals"/>
/// mean the same as <see cref="In"/> with one value, <see cref="NotEquals"/> the same as
/// <see cref="NotIn"/> with one value.
/// </summary>
public enum SelectorOperator
{
    /// <summary><c>key in (a,b)</c>: the key is present and its value is one of the values.</summary>
    In,

    /// <summary><c>key notin (a,b)</c>: the key is absent, or its value is none of the values.</summary>
    NotIn,

    /// <summary><c>key</c>: the key is present (any value, including empty).</summary>
    Exists,

    /// <summary><c>!key</c>: the key is absent.</summary>
    DoesNotExist,

    /// <summary><c>key=v</c>: the key is present with value v.</summary>
    Equals,

    /// <summary><c>key==v</c>: same meaning as <see cref="Equals"/>.</summary>
    DoubleEquals,

    /// <summary><c>key!=v</c>: the key is absent, or its value is not v.</summary>
    NotEquals,

    /// <summary><c>key&gt;n</c>: the key is present and its value, read as a base-10
    /// 64-bit integer, is greater than n. An absent key or a non-integer value does not match.</summary>
    GreaterThan,

    /// <summary><c>key&lt;n</c>: as <see cref="GreaterThan"/>, but less than n.</summary>
    LessThan,
}
