namespace Autoship.Core.Tests.Gate;

/// <summary>An approval belongs to a change: the reviewer agent's verdict carries over to a new head only with the same patch-id.</summary>
public sealed class ReviewCarryOverTests
{
    private static readonly string Same = new('a', 40);
    private static readonly string Other = new('b', 40);

    private static ReviewSnapshot Review(string sha, string? patchId, int minute, ReviewState state = ReviewState.Approved, string agent = "reviewer") =>
        new(new Actor("autoship-reviewer", Permission.Write), state, sha, DateTimeOffset.UnixEpoch.AddMinutes(minute), agent,
            "looks right" + (patchId is null ? string.Empty : "\n\n" + ReviewCarryOver.Marker(patchId)));

    [Theory]
    [InlineData("same", true)]
    [InlineData("other", false)]
    [InlineData("none", false)]
    public void Find_PreviousReviewOfTheSamePatch_CarriesOverOnlyThen(string patch, bool carried)
    {
        var reviews = new[] { Review("old1111", patch switch { "same" => Same, "other" => Other, _ => null }, 1) };

        (ReviewCarryOver.Find(reviews, "reviewer", "new2222", Same) is not null).ShouldBe(carried);
    }

    [Fact]
    public void Find_TheLatestVerdictWasOnAnotherPatch_NothingCarriesOver()
    {
        // Approved on patch A, then changes requested on patch B, then the branch went back to patch A: review again.
        var reviews = new[] { Review("c1", Same, 1), Review("c2", Other, 2, ReviewState.ChangesRequested) };

        ReviewCarryOver.Find(reviews, "reviewer", "c3", Same).ShouldBeNull();
        ReviewCarryOver.Find(reviews, "reviewer", "c3", Other).ShouldNotBeNull().State.ShouldBe(ReviewState.ChangesRequested);
    }

    [Fact]
    public void Find_AnotherAgentsOrAHumansReview_NeverCarriesOver()
    {
        var human = Review("c1", Same, 1) with { Agent = null };
        var otherAgent = Review("c1", Same, 1, agent: "someone-else");

        ReviewCarryOver.Find([human, otherAgent], "reviewer", "c2", Same).ShouldBeNull();
        ReviewCarryOver.Find([Review("c1", Same, 1)], "reviewer", "c2", null).ShouldBeNull();
    }

    [Fact]
    public void Body_NamesTheSourceAndKeepsOneMarker()
    {
        var body = ReviewCarryOver.Body(Review("0123456789", Same, 1), Same);

        body.ShouldStartWith("Carried over from the review of 0123456:");
        body.ShouldContain("looks right");
        ReviewCarryOver.PatchIdOf(body).ShouldBe(Same);
        body.Split("autoship:patch-id").Length.ShouldBe(2);
    }
}
