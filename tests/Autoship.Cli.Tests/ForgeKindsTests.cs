using Autoship.Forge;
using Shouldly;
using Xunit;

namespace Autoship.Cli.Tests;

public sealed class ForgeKindsTests
{
    [Fact]
    public async Task OpenAsync_FakeKindAddedToTable_OpensThroughIt()
    {
        string? opened = null;
        var fake = new ForgeKind("fake", "NAME", t => t.Length > 0 ? null : "NAME", (target, _, _) =>
        {
            opened = target;
            return Task.FromException<IForge>(new InvalidOperationException("fake forge opened " + target));
        });
        IReadOnlyList<ForgeKind> kinds = [.. ForgeKinds.All, fake];

        var error = await Should.ThrowAsync<InvalidOperationException>(() => ForgeResolver.OpenAsync("fake:alpha", kinds, new ForgeOpenOptions(), CancellationToken.None));

        opened.ShouldBe("alpha");
        error.Message.ShouldBe("fake forge opened alpha");
        Should.Throw<CliUsageException>(() => ForgeKinds.Resolve("fake:", kinds)).Message.ShouldContain("fake:NAME");
    }

    [Theory]
    [InlineData("gitlab:octo/hello")]
    [InlineData("octo/hello")]
    public void Resolve_UnknownKind_UsageErrorListingEveryKindWithoutFallingBackToGitHub(string spec)
    {
        var error = Should.Throw<CliUsageException>(() => ForgeKinds.Resolve(spec, ForgeKinds.All));

        error.Message.ShouldContain("the kinds are local:, github:");
    }

    [Fact]
    public void Resolve_GitHubWithoutRepo_UsageErrorNamingTheShape()
    {
        Should.Throw<CliUsageException>(() => ForgeKinds.Resolve("github:octo", ForgeKinds.All)).Message.ShouldContain("github:[HOST/]OWNER/REPO");
    }
}
