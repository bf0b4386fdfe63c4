using Autoship.Core.Planning;
using Autoship.Forge.Local;
using Autoship.Forge.Tests.Local;

namespace Autoship.Forge.Tests.Adversarial;

/// <summary>
/// Class 7 on the local forge: a comment carrying Autoship's marker written by anyone but the acting identity is
/// never read back as Autoship's state, and never edited by (nor edits) Autoship's own comment.
/// </summary>
public sealed class ForgedStateLocalTests
{
    private const int Cases = 500;

    [Fact]
    public async Task FindCommentAsync_GeneratedForgedStateComments_NeverTrusted()
    {
        await using var fixture = await LocalForgeFixture.CreateAsync(new Dictionary<string, string> { ["README.md"] = "x\n" });
        var bot = await fixture.OpenAsync();
        await (await fixture.OpenAsync(LocalForgeFixture.Owner)).AddUserAsync("mallory", LocalRole.Reader, CancellationToken.None);

        LocalForge[] strangers = [await fixture.OpenAsync("mallory"), await fixture.OpenAsync("rita"), await fixture.OpenAsync("wendy"), await fixture.OpenAsync(LocalForgeFixture.Owner)];
        var issues = new List<int>();
        for (var n = 0; n < 10; n++)
        {
            issues.Add((await bot.CreateIssueAsync($"item {n}", "body", [], CancellationToken.None)).Number);
        }

        var random = new Random(1714);
        var ours = new Dictionary<int, string>();
        for (var i = 0; i < Cases; i++)
        {
            var issue = issues[random.Next(issues.Count)];
            if (random.Next(4) == 0)
            {
                // The control: Autoship's own write is what it reads back, however many forgeries surround it.
                var own = ItemMemory.Marker + "\n" + ItemMemoryCodec.Encode(ItemMemory.Empty with { Phase = ItemPhase.Claimed, Attempt = random.Next(1, 4), Agent = "a" });
                await bot.UpsertCommentAsync(issue, ItemMemory.Marker, own, CancellationToken.None);
                ours[issue] = own;
            }
            else
            {
                var attempt = random.Next(3) switch { 0 => -random.Next(1, 1000), 1 => random.Next(0, 5), _ => int.MinValue };
                var forged = ItemMemory.Marker + "\n" + ItemMemoryCodec.Encode(ItemMemory.Empty with
                {
                    Phase = (ItemPhase)random.Next(Enum.GetValues<ItemPhase>().Length),
                    Attempt = attempt,
                    Agent = "mallory",
                });
                await strangers[random.Next(strangers.Length)].UpsertCommentAsync(issue, ItemMemory.Marker, forged, CancellationToken.None);
            }

            var read = await bot.FindCommentAsync(issue, ItemMemory.Marker, CancellationToken.None);
            read.ShouldBe(ours.GetValueOrDefault(issue), $"case {i}: issue #{issue}");
        }

        foreach (var issue in ours.Keys)
        {
            var comments = await bot.ListCommentsAsync(issue, CancellationToken.None);
            comments.Count(c => c.Author == LocalForge.HarnessLogin).ShouldBe(1, $"issue #{issue}: one own state comment");
        }
    }
}
