using Autoship.Forge;

namespace Autoship.Cli;

/// <summary>Opens the forge named by <c>--forge</c>. Each kind lives in its own partial file.</summary>
internal static partial class ForgeResolver
{
    public static async Task<IForge> OpenAsync(string? spec, ForgeOpenOptions options, CancellationToken cancellationToken)
    {
        if (!ForgeSpec.TryParse(spec, out var parsed, out var error))
        {
            throw new CliUsageException(error);
        }

        return parsed.Kind switch
        {
            ForgeSpec.Local => await OpenLocalAsync(parsed.Target, options, cancellationToken),
            _ => await OpenGitHubAsync(parsed.Target, options, cancellationToken),
        };
    }
}
