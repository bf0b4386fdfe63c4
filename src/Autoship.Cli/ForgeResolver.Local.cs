using Autoship.Forge;

namespace Autoship.Cli;

internal static partial class ForgeResolver
{
    private static Task<IForge> OpenLocalAsync(string directory, ForgeOpenOptions options, CancellationToken cancellationToken) =>
        throw new CliUsageException("the local forge is not built yet");
}
