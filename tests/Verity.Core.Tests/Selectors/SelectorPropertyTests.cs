using FsCheck.Xunit;
using Verity.Core.Selectors;

namespace Verity.Core.Tests.Selectors;

[Properties(Arbitrary = [typeof(SelectorArbitraries)], MaxTest = 1000)]
public class SelectorPropertyTests
{
    [Property]
    public bool Matches_agrees_with_the_reference_evaluator(SelectorCase c)
    {
        var parsed = LabelSelector.Parse(c.Text);
        return parsed.Succeeded &&
               parsed.Selector.Matches(c.Labels) == ReferenceEvaluator.Matches(c.Requirements, c.Labels);
    }

    [Property]
    public bool ToString_parses_back_to_an_equal_selector(SelectorCase c)
    {
        var selector = LabelSelector.Parse(c.Text).Selector!;
        var again = LabelSelector.Parse(selector.ToString()).Selector;
        return selector.Equals(again) && again.ToString() == selector.ToString();
    }
}
