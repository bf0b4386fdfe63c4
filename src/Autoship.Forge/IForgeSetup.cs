using Autoship.Core.Config;

namespace Autoship.Forge;

/// <summary>
/// What the setup commands (<c>labels sync</c>, <c>protect</c>, <c>doctor</c>, the demo's setup) need beyond a tick:
/// the repository's labels and branch protection. A forge implements it next to <see cref="IForge"/>; the tick never
/// sees it. Callers holding an <see cref="IForge"/> get it with <see cref="ForgeSetup.RequireSetup"/>.
/// </summary>
public interface IForgeSetup
{
    Task<IReadOnlyList<LabelDefinition>> ListLabelsAsync(CancellationToken cancellationToken);

    /// <summary>Creates the label or updates its color and description (names compare case-insensitively).</summary>
    Task UpsertLabelAsync(LabelDefinition label, CancellationToken cancellationToken);

    Task DeleteLabelAsync(string name, CancellationToken cancellationToken);

    /// <summary>The branch's protection in the seed's terms, or null when the branch is unprotected.</summary>
    Task<BranchProtection?> GetBranchProtectionAsync(string branch, CancellationToken cancellationToken);

    Task SetBranchProtectionAsync(string branch, BranchProtection protection, CancellationToken cancellationToken);

    /// <summary>The repository's merge settings that <c>protect</c> manages, or null when the forge has none (the local
    /// forge always squash-merges and has no auto-merge to allow).</summary>
    Task<MergeSettings?> GetMergeSettingsAsync(CancellationToken cancellationToken);

    Task SetMergeSettingsAsync(MergeSettings settings, CancellationToken cancellationToken);
}

/// <summary>A repository's merge settings: auto-merge allowed, squash merging allowed.</summary>
public sealed record MergeSettings(bool AllowAutoMerge, bool AllowSquashMerge);
