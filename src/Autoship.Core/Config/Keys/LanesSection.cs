namespace Autoship.Core.Config;

/// <summary>The keys of <c>lanes</c>: one per lane.</summary>
internal static class LanesSection
{
    private static readonly SectionBuilder B = new("lanes", "lanes", "Lane A (safe), B (staging), C (human). Keys left out keep the seed's values.");

    public static readonly KeySpec Safe = B.Section("safe", "lane", "Lane A: safe auto-merge.");
    public static readonly KeySpec Staging = B.Section("staging", "lane", "Lane B: staging-first product work.");
    public static readonly KeySpec Human = B.Section("human", "lane", "Lane C: human-gated risk.");

    public static readonly ConfigSection Section = B.Build();
}
