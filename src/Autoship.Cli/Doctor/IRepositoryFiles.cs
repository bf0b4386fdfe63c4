using Autoship.Forge.GitHub;

namespace Autoship.Cli.Doctor;

/// <summary>Directory listings of the default branch with git modes; null when this forge cannot tell.</summary>
internal interface IRepositoryFiles
{
    Task<IReadOnlyList<TreeEntry>?> ListAsync(string directory, CancellationToken cancellationToken);

    /// <summary>Every file path of the default branch (or of the checkout in the current directory); null when unknown.</summary>
    Task<IReadOnlyList<string>?> ListPathsAsync(CancellationToken cancellationToken);
}
