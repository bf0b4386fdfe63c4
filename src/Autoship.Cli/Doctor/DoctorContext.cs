using Autoship.Core.Config;
using Autoship.Forge;
using Autoship.Forge.GitHub;

namespace Autoship.Cli.Doctor;

/// <summary>What every check may look at: the forge, the configuration, the repository's files and the environment.</summary>
internal sealed record DoctorContext(IForge Forge, AutoshipConfig Config, IRepositoryFiles Files, Func<string, string?> Environment)
{
    public GitHubForge? GitHub => Forge as GitHubForge;

    public const string WorkflowPath = ".github/workflows/autoship.yml";
}
