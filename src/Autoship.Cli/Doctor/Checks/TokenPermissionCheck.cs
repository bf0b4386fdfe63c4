using Autoship.Core;

namespace Autoship.Cli.Doctor.Checks;

/// <summary>The token must write to the repository; <c>protect</c> additionally needs admin.</summary>
internal sealed class TokenPermissionCheck : IDoctorCheck
{
    public string Name => "token permissions";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.GitHub is not { } github)
        {
            return DoctorResult.Skip(Name, "GitHub only: the local forge has no tokens");
        }

        var settings = await github.GetRepositorySettingsAsync(cancellationToken);
        return settings.TokenPermission switch
        {
            Permission.Admin => DoctorResult.Ok(Name, "the token has admin access (labels, protections, merges)"),
            >= Permission.Write => DoctorResult.Warn(Name, $"the token has {settings.TokenPermission.ToString().ToLowerInvariant()} access: enough to run, not to apply protections",
                "run 'autoship protect' once with an admin token, or give the App 'Administration: write'"),
            _ => DoctorResult.Fail(Name, $"the token has {settings.TokenPermission.ToString().ToLowerInvariant()} access: it cannot push, label or merge",
                "use a token (or GitHub App) with Contents, Issues, Pull requests, Statuses and Checks: write"),
        };
    }
}
