using Autoship.Cli.Doctor.Checks;

namespace Autoship.Cli.Doctor;

internal static class DoctorChecks
{
    /// <summary>In the order a person fixes them: access first, then setup, then the truth contract, then the runner.</summary>
    public static IReadOnlyList<IDoctorCheck> All() =>
    [
        new TokenPermissionCheck(),
        new LabelsCheck(),
        new ProtectionCheck(),
        new WorkflowCheck(),
        new EntrypointCheck(),
        new CiRunsEntrypointCheck(),
        new MergeGroupCheck(),
        new RequiredChecksReportedCheck(),
        new AreaCoverageCheck(),
        new LanesSatisfiableCheck(),
        new AgentExecutablesCheck(),
        new SandboxCheck(),
        new IdentitiesCheck(),
        new ActionsTokenCheck(),
    ];

    public static async Task<IReadOnlyList<DoctorResult>> RunAsync(IEnumerable<IDoctorCheck> checks, DoctorContext context, CancellationToken cancellationToken)
    {
        var results = new List<DoctorResult>();
        foreach (var check in checks)
        {
            try
            {
                results.Add(await check.RunAsync(context, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A check that cannot run is a finding too (no access, rate limit), not the end of the checklist.
                results.Add(DoctorResult.Fail(check.Name, $"could not check: {e.Message}", "see the message; 'autoship doctor' again after fixing access"));
            }
        }

        return results;
    }
}
