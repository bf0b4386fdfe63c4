namespace Autoship.Agents.Tests;

public sealed class RunUsageTests
{
    public static TheoryData<RunUsage?, string> Cases => new()
    {
        { null, "—" },
        { new RunUsage(null, null, null, null), "—" },
        { new RunUsage(1000, 234, null, null), "1,234 tokens (1,000 in, 234 out)" },
        { new RunUsage(null, null, 0.5m, 1), "$0.50 · 1 turn" },
        { new RunUsage(10, 5, 0.01234m, 3), "15 tokens (10 in, 5 out) · $0.0123 · 3 turns" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Describe_WhatTheCliReported_OneLine(RunUsage? usage, string expected) => RunUsage.Describe(usage).ShouldBe(expected);
}
