using Autoship.Core.Planning;

namespace Autoship.Core.Tests.Adversarial;

/// <summary>Class 7: an attempt count read back from a state comment never goes below zero, whatever the text says.</summary>
public sealed class ForgedAttemptTests
{
    [Fact]
    public void Decode_GeneratedAttemptCounts_NeverBelowZeroAndOtherwiseKept()
    {
        var random = new Random(1713);
        for (var i = 0; i < AdversarialCases.PerClass; i++)
        {
            var attempt = random.Next(3) switch { 0 => -random.Next(1, int.MaxValue), 1 => random.Next(0, 10), _ => random.Next(int.MinValue, int.MaxValue) };
            var body = ItemMemory.Marker + "\n" + ItemMemoryCodec.Encode(ItemMemory.Empty with { Phase = ItemPhase.Claimed, Attempt = attempt, Agent = "a" });

            var memory = ItemMemoryCodec.Decode(body).ShouldNotBeNull($"case {i}");

            memory.Attempt.ShouldBe(Math.Max(0, attempt), $"case {i}: {attempt}");
        }
    }
}
