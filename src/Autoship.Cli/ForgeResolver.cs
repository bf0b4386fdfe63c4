using Autoship.Forge;

namespace Autoship.Cli;

/// <summary>Opens the forge named by <c>--forge</c> through the table of <see cref="ForgeKinds"/>. Each opener lives in its own partial file.</summary>
internal static partial class ForgeResolver
{
    public static Task<IForge> OpenAsync(string? spec, ForgeOpenOptions options, CancellationToken cancellationToken) =>
        OpenAsync(spec, ForgeKinds.All, options, cancellationToken);

    public static async Task<IForge> OpenAsync(string? spec, IReadOnlyList<ForgeKind> kinds, ForgeOpenOptions options, CancellationToken cancellationToken)
    {
        var (kind, target) = ForgeKinds.Resolve(spec, kinds);
        return await kind.OpenAsync(target, options, cancellationToken);
    }
}
