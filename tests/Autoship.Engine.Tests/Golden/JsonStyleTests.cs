using System.Text.Json;
using Autoship.Agents;
using Autoship.Engine.Json;
using Autoship.Engine.Store;

namespace Autoship.Engine.Tests.Golden;

public sealed class JsonStyleTests
{
    private static readonly JsonSerializerOptions Options = JsonDurations.Apply(new(JsonSerializerDefaults.Web));

    public sealed record Timed(TimeSpan Duration, TimeSpan? Age, TimeSpan? Missing, TimeSpan TimeoutSeconds, IReadOnlyList<TimeSpan> Laps);

    [Fact]
    public void Apply_TimeSpanProperties_AreSecondsUnderASecondsKey()
    {
        var json = JsonSerializer.Serialize(new Timed(TimeSpan.FromSeconds(90.5), TimeSpan.FromMinutes(2), null, TimeSpan.FromMilliseconds(1234.5678), [TimeSpan.FromSeconds(1)]), Options);

        json.ShouldBe("""{"durationSeconds":90.5,"ageSeconds":120,"missingSeconds":null,"timeoutSeconds":1.235,"laps":[1]}""");
    }

    [Fact]
    public void Apply_ReadsSecondsAndTheClockTextOfOlderVersions()
    {
        JsonSerializer.Deserialize<Timed>("""{"durationSeconds":90.5,"ageSeconds":"00:02:00","missingSeconds":null,"timeoutSeconds":1,"laps":[]}""", Options)
            .ShouldBe(new Timed(TimeSpan.FromSeconds(90.5), TimeSpan.FromMinutes(2), null, TimeSpan.FromSeconds(1), []), new TimedComparer());
    }

    [Fact]
    public void StoredRun_OldDurationText_ReadsAndWritesSeconds()
    {
        var at = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var run = new StoredRun("local:x", new RunRecord("r1", 1, 1, "a", AgentRole.Author, "o/r#1/a1", ["x"], at, at.AddSeconds(75), "done", 0, "", null, null, null, null), "Committed");
        var json = JsonSerializer.Serialize(run, Options);
        var old = json.Replace("\"durationSeconds\":75", "\"duration\":\"00:01:15\"", StringComparison.Ordinal);

        json.ShouldContain("\"durationSeconds\":75");
        JsonSerializer.Serialize(JsonSerializer.Deserialize<StoredRun>(old, Options), Options).ShouldBe(json);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("café", "caf\\u00e9")]
    [InlineData("a → b", "a \\u2192 b")]
    [InlineData("🚀", "\\ud83d\\ude80")]
    [InlineData("tab\\t \"q\" ~", "tab\\t \"q\" ~")]
    public void AsciiJson_Escape_LeavesAsciiAndEscapesTheRest(string text, string expected) => AsciiJson.Escape(text).ShouldBe(expected);

    [Fact]
    public void AsciiJson_Escape_RoundTripsThroughAJsonReader()
    {
        const string value = "Ünïcode — “quoted” 🚀 \u007f end";
        var json = AsciiJson.Escape(JsonSerializer.Serialize(new { value }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

        json.ShouldAllBe(c => c < 0x80);
        JsonDocument.Parse(json).RootElement.GetProperty("value").GetString().ShouldBe(value);
    }

    private sealed class TimedComparer : IEqualityComparer<Timed>
    {
        public bool Equals(Timed? x, Timed? y) => x is not null && y is not null && x.Duration == y.Duration && x.Age == y.Age && x.Missing == y.Missing
            && x.TimeoutSeconds == y.TimeoutSeconds && x.Laps.SequenceEqual(y.Laps);

        public int GetHashCode(Timed obj) => obj.Duration.GetHashCode();
    }
}
