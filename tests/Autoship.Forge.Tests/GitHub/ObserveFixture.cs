namespace Autoship.Forge.Tests.GitHub;

/// <summary>A GraphQL answer shaped by the observe query (GitHub's schema field names), kept in <c>fixtures/observe.json</c>.</summary>
internal static class ObserveFixture
{
    public static string Json => File.ReadAllText(Path.Combine(Peers.RepoRoot, "tests", "Autoship.Forge.Tests", "fixtures", "observe.json"));
}
