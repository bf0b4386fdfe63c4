using Autoship.Forge;

namespace Autoship.Cli;

/// <summary>Opens the forge named by <c>--forge</c>. Each kind's opener lives in its own partial file and has one row here.</summary>
internal static partial class ForgeResolver
{
    private static readonly IReadOnlyDictionary<string, Func<string, ForgeOpenOptions, CancellationToken, Task<IForge>>> Openers =
        new Dictionary<string, Func<string, ForgeOpenOptions, CancellationToken, Task<IForge>>>(StringComparer.Ordinal)
        {
            [ForgeSpec.Local] = OpenLocalAsync,
            [ForgeSpec.GitHub] = OpenGitHubAsync,
        };

    public static async Task<IForge> OpenAsync(string? spec, ForgeOpenOptions options, CancellationToken cancellationToken)
    {
        if (!ForgeSpec.TryParse(spec, out var parsed, out var error))
        {
            throw new CliUsageException(error);
        }

        var open = Openers.GetValueOrDefault(parsed.Kind) ?? throw new CliUsageException($"forge kind '{parsed.Kind}' has no opener in this build of autoship");
        return await open(parsed.Target, options, cancellationToken);
    }
}
