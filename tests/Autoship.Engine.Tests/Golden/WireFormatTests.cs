using System.Text.Json;
using System.Text.Json.Serialization;
using Autoship.Agents;
using Autoship.Core;
using Autoship.Core.Planning;
using Autoship.Engine.Explain;
using Autoship.Engine.Reconcile;
using Autoship.Engine.Store;
using Autoship.Forge;

namespace Autoship.Engine.Tests.Golden;

/// <summary>
/// Text that older versions wrote (captured from the code before phases, outcomes, roles and lanes became enums, in
/// Golden/WireFormat) still reads, and writes back byte for byte: comments' hidden memory, store rows, events and the
/// JSON of status, explain, tick and the API.
/// </summary>
public sealed class WireFormatTests
{
    // The options of `--json` (Cli JsonOutput) and of /api/* (camelCase, enums as camelCase strings).
    // Durations are seconds under "…Seconds" keys (JsonDurations), the one format of every JSON output.
    private static readonly JsonSerializerOptions Output = Autoship.Engine.Json.JsonDurations.Apply(new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    });

    private static string Golden(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "WireFormat", name)).ReplaceLineEndings("\n").TrimEnd('\n');

    [Fact]
    public void ItemMemoryCodec_GoldenComments_DecodeToTypesAndEncodeToTheSameText()
    {
        var lines = Golden("memory-comments.txt").Split('\n');

        var memories = lines.Select(l => ItemMemoryCodec.Decode(l).ShouldNotBeNull(l)).ToList();

        memories.Select(ItemMemoryCodec.Encode).ShouldBe(lines);
        memories.Select(m => m.Phase).ShouldBe(Enum.GetValues<ItemPhase>().Except([ItemPhase.NotObserved, ItemPhase.Closed]));
        memories.Select(m => m.Lane).Distinct().ShouldBe(new Lane?[] { null, Lane.Safe, Lane.Staging, Lane.Human }, ignoreOrder: true);
    }

    [Theory]
    [InlineData("lane", "\"a\"", Lane.Safe)]
    [InlineData("lane", "\"Human\"", Lane.Human)]
    [InlineData("lane", "\"nonsense\"", null)]
    public void ItemMemoryCodec_LaneWrittenByHandOrAsALetter_ReadsLikeThePlannerParsedIt(string property, string json, Lane? expected)
    {
        var comment = $"<!-- autoship:memory {{\"phase\":\"held\",\"attempt\":1,\"{property}\":{json},\"reasons\":[]}} -->";

        ItemMemoryCodec.Decode(comment).ShouldNotBeNull().Lane.ShouldBe(expected);
    }

    [Fact]
    public void ItemMemoryCodec_UnknownPhase_StartsAfreshLikeAnyUnreadableMemory()
    {
        ItemMemoryCodec.Decode("<!-- autoship:memory {\"phase\":\"teleported\",\"attempt\":1,\"reasons\":[]} -->").ShouldBeNull();
    }

    [Fact]
    public void ItemView_GoldenJson_ReadsAndWritesTheSameJson()
    {
        var golden = Golden("item-views.json");

        var views = JsonSerializer.Deserialize<List<ItemView>>(golden, Output).ShouldNotBeNull();

        JsonSerializer.Serialize(views, Output).ShouldBe(golden);
        views.Select(v => v.Phase).ShouldContain(ItemPhase.PullRequest);
    }

    [Fact]
    public void StoredEvent_GoldenJson_EveryOutcomeParsesAndWritesTheSameJson()
    {
        var golden = Golden("events.json");

        var events = JsonSerializer.Deserialize<List<StoredEvent>>(golden, Output).ShouldNotBeNull();

        JsonSerializer.Serialize(events, Output).ShouldBe(golden);
        events.Select(e => e.Result).ShouldBe(Enum.GetValues<ActionOutcome>().Select(o => (ActionOutcome?)o));
        events.Select(e => e.Outcome).ShouldBe(WireNames.All<ActionOutcome>());
    }

    [Fact]
    public void StoredRun_GoldenJson_RolesAndOutcomesReadAndWriteTheSameJson()
    {
        var golden = Golden("runs.json");

        var runs = JsonSerializer.Deserialize<List<StoredRun>>(golden, Output).ShouldNotBeNull();

        JsonSerializer.Serialize(runs, Output).ShouldBe(golden);
        runs.Select(r => r.Run.Role).Distinct().ShouldBe([AgentRole.Author, AgentRole.Reviewer]);
        runs.Take(Enum.GetValues<AttemptOutcome>().Length).Select(r => r.Outcome).ShouldBe(Enum.GetValues<AttemptOutcome>().Select(RunOutcomes.Of));
    }

    [Theory]
    [InlineData("Committed", true)]
    [InlineData("NoChanges", true)]
    [InlineData("GuardrailViolation", false)]
    [InlineData("Approve", true)]
    [InlineData("RequestChanges", true)]
    [InlineData("garbage", false)]
    public void RunOutcomes_Succeeded_MatchesTheStoredTextsTheDashboardCountedBefore(string stored, bool expected)
    {
        RunOutcomes.Succeeded(stored).ShouldBe(expected);
    }

    [Fact]
    public void RunOutcomes_Of_WritesTheTextThatToStringWroteBefore()
    {
        Enum.GetValues<AttemptOutcome>().Select(RunOutcomes.Of).ShouldBe(Enum.GetValues<AttemptOutcome>().Select(o => o.ToString()));
        Enum.GetValues<ReviewVerdict>().Select(RunOutcomes.Of).ShouldBe(Enum.GetValues<ReviewVerdict>().Select(o => o.ToString()));
    }

    [Fact]
    public void TickRecord_GoldenJson_EveryTickOutcomeTextStaysTheSame()
    {
        var golden = Golden("ticks.json");

        var ticks = JsonSerializer.Deserialize<List<TickRecord>>(golden, Output).ShouldNotBeNull();

        JsonSerializer.Serialize(ticks, Output).ShouldBe(golden);
        ticks.Select(t => t.Outcome).ShouldBe([TickOutcomes.Text(TickOutcome.Done), TickOutcomes.Text(TickOutcome.Cancelled),
            TickOutcomes.Text(TickOutcome.Failed, "the forge said 500"), TickOutcomes.Text(TickOutcome.DryRun), TickOutcomes.Text(TickOutcome.LeaseBusy)]);
    }

    [Fact]
    public void ItemExplanation_ComposedOfItsView_SerializesToTheFlatShapeOfBefore()
    {
        var golden = Golden("explanation.json");
        using var doc = JsonDocument.Parse(golden);
        var root = doc.RootElement;
        var view = JsonSerializer.Deserialize<List<ItemView>>(Golden("item-views.json"), Output)!.Single(v => v.Issue == root.GetProperty("issue").GetInt32());
        var history = root.GetProperty("history").Deserialize<List<StoredEvent>>(Output)!;
        var runs = root.GetProperty("runs").Deserialize<List<StoredRun>>(Output)!;

        var explanation = new ItemExplanation(view, ItemExplainer.Summarize(view, open: true), history, runs);

        JsonSerializer.Serialize(explanation, Output).ShouldBe(golden);
    }

    [Fact]
    public void WireNames_EveryVocabulary_RoundTripsAndHasDistinctNames()
    {
        RoundTrips<ItemPhase>();
        RoundTrips<ActionOutcome>();
        RoundTrips<TickOutcome>();
        RoundTrips<AgentRole>();
        ItemPhase.PullRequest.Wire().ShouldBe("pr-open");
    }

    private static void RoundTrips<T>()
        where T : struct, Enum
    {
        var names = Enum.GetValues<T>().Select(v => v.Wire()).ToList();
        names.Distinct().Count().ShouldBe(names.Count);
        foreach (var value in Enum.GetValues<T>())
        {
            WireNames.TryParse<T>(value.Wire(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(value);
            JsonSerializer.Serialize(value, Output).ShouldBe($"\"{value.Wire()}\"");
        }
    }
}
