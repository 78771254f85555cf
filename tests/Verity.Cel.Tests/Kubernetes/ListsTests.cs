namespace Verity.Cel.Tests.Kubernetes;

/// <summary>
/// Cases ported from kubernetes staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel/validation_test.go
/// ("extended library: lists") and lists.go's doc comment. <c>self</c> is a JSON object, as in a CRD rule.
/// </summary>
public sealed class ListsTests
{
    private static readonly CelEnvironment Env = K8s.Create(new Dictionary<string, CelType> { ["self"] = CelType.Dyn });

    private static readonly Dictionary<string, object?> Self = new()
    {
        ["self"] = CelTestHelpers.Json("""
        {
          "ints": [1, 2, 2, 3], "unsortedInts": [2, 1], "emptyInts": [],
          "doubles": [1.5, 2.0, 2.0, 2.5], "unsortedDoubles": [2.0, 1.0], "emptyDoubles": [],
          "strings": ["a", "b", "b", "c"], "unsortedStrings": ["b", "a"], "emptyStrings": [],
          "objs": [{"f1": "a", "f2": "a"}, {"f1": "b", "f2": "b"}, {"f1": "b", "f2": "b"}]
        }
        """),
    };

    [Theory]
    [InlineData("self.ints.sum() == 8")]
    [InlineData("self.ints.min() == 1")]
    [InlineData("self.ints.max() == 3")]
    [InlineData("self.emptyInts.sum() == 0")]
    [InlineData("self.ints.isSorted()")]
    [InlineData("self.emptyInts.isSorted()")]
    [InlineData("self.unsortedInts.isSorted() == false")]
    [InlineData("self.ints.indexOf(2) == 1")]
    [InlineData("self.ints.lastIndexOf(2) == 2")]
    [InlineData("self.ints.indexOf(10) == -1")]
    [InlineData("self.ints.lastIndexOf(10) == -1")]
    [InlineData("self.doubles.sum() == 8.0")]
    [InlineData("self.doubles.min() == 1.5")]
    [InlineData("self.doubles.max() == 2.5")]
    [InlineData("self.emptyDoubles.sum() == 0.0")]
    [InlineData("self.doubles.isSorted()")]
    [InlineData("self.unsortedDoubles.isSorted() == false")]
    [InlineData("self.doubles.indexOf(2.0) == 1")]
    [InlineData("self.doubles.lastIndexOf(2.0) == 2")]
    [InlineData("self.doubles.indexOf(10.0) == -1")]
    [InlineData("self.strings.min() == 'a'")]
    [InlineData("self.strings.max() == 'c'")]
    [InlineData("self.strings.isSorted()")]
    [InlineData("self.emptyStrings.isSorted()")]
    [InlineData("self.unsortedStrings.isSorted() == false")]
    [InlineData("self.strings.indexOf('b') == 1")]
    [InlineData("self.strings.lastIndexOf('b') == 2")]
    [InlineData("self.strings.indexOf('x') == -1")]
    [InlineData("self.strings.lastIndexOf('x') == -1")]
    [InlineData("[duration('1h'), duration('1m'), duration('1s')].sum() == duration('1h1m1s')")]
    [InlineData("[duration('1s'), duration('1m'), duration('1m'), duration('1h')].isSorted()")]
    [InlineData("[duration('1s'), duration('1m'), duration('1h')].min() == duration('1s')")]
    [InlineData("[duration('1s'), duration('1m'), duration('1m')].lastIndexOf(duration('1m')) == 2")]
    [InlineData("[timestamp('2000-01-01T00:00:00Z'), timestamp('2010-01-01T00:00:00Z')].max() == timestamp('2010-01-01T00:00:00Z')")]
    [InlineData("[timestamp('2010-01-01T00:00:00Z'), timestamp('2000-01-01T00:00:00Z')].isSorted() == false")]
    [InlineData("[[1], [2]].indexOf([1]) == 0")]
    [InlineData("[{'a': 1}, {'b': 2}].lastIndexOf({'b': 2}) == 1")]
    [InlineData("self.objs.indexOf(self.objs[1]) == 1")]
    [InlineData("self.objs.lastIndexOf(self.objs[1]) == 2")]
    [InlineData("([0] + self.emptyInts).min() == 0")]
    [InlineData("dyn([]).sum() == 0")]
    [InlineData("dyn([1, 2]).sum() == 3")]
    [InlineData("dyn([1.0, 2.0]).sum() == 3.0")]
    [InlineData("[].sum() == 0")]
    // lists.go doc comment.
    [InlineData("[1, 2, 3].isSorted()")]
    [InlineData("['a', 'b', 'b', 'c'].isSorted()")]
    [InlineData("[2.0, 1.0].isSorted() == false")]
    [InlineData("[1].isSorted()")]
    [InlineData("[].isSorted()")]
    [InlineData("[1, 3].sum() == 4")]
    [InlineData("[1.0, 3.0].sum() == 4.0")]
    [InlineData("[1, 3].min() == 1")]
    [InlineData("[1, 3].max() == 3")]
    [InlineData("[1].min() == 1")]
    [InlineData("[1, 2, 2, 3].indexOf(2) == 1")]
    [InlineData("['a', 'b', 'b', 'c'].lastIndexOf('b') == 2")]
    [InlineData("[1.0].indexOf(1.1) == -1")]
    [InlineData("[].indexOf('string') == -1")]
    [InlineData("[1u, 2u].sum() == 3u")]
    [InlineData("'abc'.indexOf('c') == 2")]
    public void Evaluates_true(string expr) => Assert.Equal(true, K8s.Raw(expr, Self, Env));

    [Theory]
    [InlineData("self.emptyInts.min() == 1", "min called on empty list")]
    [InlineData("self.emptyInts.max() == 3", "max called on empty list")]
    [InlineData("self.emptyDoubles.min() == 1.0", "min called on empty list")]
    [InlineData("self.emptyStrings.max() == 'c'", "max called on empty list")]
    [InlineData("[9223372036854775807, 1].sum()", "return error for overflow")]
    public void Fails(string expr, string error)
    {
        var r = K8s.Eval(expr, Self, Env);
        Assert.Equal(error, r.Error);
    }

    [Theory]
    [InlineData("['a', 'b'].sum() == 'c'", "found no matching overload for 'sum' applied to 'list(string).()'")]
    [InlineData("[[1], [2]].min() == [1]", "found no matching overload for 'min' applied to 'list(list(int)).()'")]
    [InlineData("[{'a': 1}, {'b': 2}].max() == {'b': 2}", "found no matching overload for 'max' applied to 'list(map(string, int)).()'")]
    public void Type_errors(string expr, string error) => Assert.Contains(error, K8s.CompileError(expr));
}
