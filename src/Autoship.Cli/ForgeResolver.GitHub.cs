using Autoship.Forge;

namespace Autoship.Cli;

internal static partial class ForgeResolver
{
    private static Task<IForge> OpenGitHubAsync(string ownerRepo, ForgeOpenOptions options, CancellationToken cancellationToken) =>
        throw new CliUsageException("the GitHub forge is not built yet");
}
