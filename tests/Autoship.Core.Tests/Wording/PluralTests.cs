using Autoship.Core;

namespace Autoship.Core.Tests.Wording;

public sealed class PluralTests
{
    [Theory]
    [InlineData(0, "file", "0 files")]
    [InlineData(1, "file", "1 file")]
    [InlineData(2, "file", "2 files")]
    [InlineData(1, "pass", "1 pass")]
    [InlineData(3, "pass", "3 passes")]
    [InlineData(2, "repository", "2 repositories")]
    [InlineData(2, "day", "2 days")]
    [InlineData(2, "box", "2 boxes")]
    [InlineData(2, "branch", "2 branches")]
    [InlineData(2, "forge request", "2 forge requests")]
    public void Of_Count_SaysTheNounInItsNumber(long count, string singular, string expected) =>
        Plural.Of(count, singular).ShouldBe(expected);

    [Fact]
    public void Of_IrregularPlural_IsTheOnePassedIn()
    {
        Plural.Of(1, "person", "people").ShouldBe("1 person");
        Plural.Of(4, "person", "people").ShouldBe("4 people");
    }

    [Theory]
    [InlineData("owner", "an owner")]
    [InlineData("agent", "an agent")]
    [InlineData("reviewer", "a reviewer")]
    [InlineData("Item", "an Item")]
    public void A_Word_TakesTheArticleOfItsFirstLetter(string word, string expected) => Article.A(word).ShouldBe(expected);
}
