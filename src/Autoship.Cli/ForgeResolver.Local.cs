using Autoship.Forge;
using Autoship.Forge.Local;

namespace Autoship.Cli;

internal static partial class ForgeResolver
{
    /// <summary>The engine acts on the local forge as the harness identity unless told otherwise.</summary>
    internal static async Task<IForge> OpenLocalAsync(string directory, ForgeOpenOptions options, CancellationToken cancellationToken)
    {
        if (!LocalForge.Exists(directory))
        {
            throw new CliUsageException($"no local forge at {directory}: create one with 'autoship local init {directory}'");
        }

        return await LocalForge.OpenAsync(directory, options.ActAs ?? LocalForge.HarnessLogin, options.Clock ?? TimeProvider.System, cancellationToken);
    }
}
