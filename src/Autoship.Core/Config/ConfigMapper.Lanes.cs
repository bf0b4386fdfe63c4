namespace Autoship.Core.Config;

internal sealed partial class ConfigMapper
{
    private LanePolicy ReadLane(MapView lanes, Lane lane)
    {
        var name = lane.Name();
        var d = ConfigDefaults.Lane(lane);
        var path = "lanes." + name;
        var view = MapView.Open(reader, lanes.Node(name), path, $"lane '{name}'", ConfigKeys.Lane);
        var guardrails = MapView.Open(reader, view.Node("guardrails"), path + ".guardrails", $"lane '{name}' guardrails", ConfigKeys.Guardrails);
        var policy = new LanePolicy(
            lane,
            view.String("description", d.Description),
            view.Strings("examples", d.Examples),
            view.Int("reviewerApprovals", d.ReviewerApprovals, 0),
            view.Bool("requireChecks", d.RequireChecks),
            view.Strings("requireLabels", d.RequiredLabels),
            view.Strings("requireAnyLabel", d.RequiredAnyLabels),
            view.Present("deployment") ? view.NullableString("deployment") : d.DeploymentEnvironment,
            view.Bool("humanApproval", d.HumanApproval),
            view.Strings("approvers", d.Approvers),
            view.Bool("verificationEvidence", d.VerificationEvidence),
            view.Bool("autoMerge", d.AutoMerge),
            new Guardrails(
                guardrails.Int("maxFiles", d.Guardrails.MaxFiles, 1),
                guardrails.Int("maxLines", d.Guardrails.MaxLines, 1),
                guardrails.Long("maxBinaryBytes", d.Guardrails.MaxBinaryBytes, 1))
            {
                MaxFileBytes = guardrails.Long("maxFileBytes", d.Guardrails.MaxFileBytes, 1),
                MaxPassBytes = guardrails.Long("maxPassBytes", d.Guardrails.MaxPassBytes, 1),
                MaxLineLength = guardrails.Int("maxLineLength", d.Guardrails.MaxLineLength, 1),
            });
        Origins[policy] = path;
        return policy;
    }

    private LoopSettings ReadLoop(MapView root)
    {
        var d = ConfigDefaults.Loop;
        var view = MapView.Open(reader, root.Node("loop"), "loop", "loop", ConfigKeys.Loop);
        var schedule = view.String("schedule", d.Schedule);
        if (view.Has("schedule") && CronCheck.Problem(schedule) is { } problem)
        {
            reader.ErrorAt("loop.schedule", $"bad cron schedule '{schedule}': {problem}");
        }

        return new LoopSettings(
            schedule,
            view.Duration("claimTimeout", d.ClaimTimeout),
            view.Int("maxAttempts", d.MaxAttempts, 1),
            view.Int("maxConcurrent", d.MaxConcurrent, 1),
            view.Bool("killSwitch", d.KillSwitch),
            view.Lanes("pausedLanes"),
            view.Int("maxAgentMinutesPerDay", d.MaxAgentMinutesPerDay, 1),
            view.Int("circuitBreakerFailures", d.CircuitBreakerFailures, 1));
    }

    private ValidationSettings ReadValidation(MapView root)
    {
        var d = ConfigDefaults.Validation;
        var view = MapView.Open(reader, root.Node("validation"), "validation", "validation", ConfigKeys.Validation);
        var entrypoint = view.String("entrypoint", d.Entrypoint);
        if (view.Has("entrypoint") && string.IsNullOrWhiteSpace(entrypoint))
        {
            reader.ErrorAt("validation.entrypoint", "validation.entrypoint may not be empty: it is the repository's one validation command");
        }

        return new ValidationSettings(entrypoint, view.Strings("requiredChecks", d.RequiredChecks));
    }

    private SizingSettings ReadSizing(MapView root)
    {
        var d = ConfigDefaults.Sizing;
        var view = MapView.Open(reader, root.Node("sizing"), "sizing", "sizing", ConfigKeys.Sizing);
        var sizing = new SizingSettings(
            view.Int("xs", d.Xs, 1),
            view.Int("s", d.S, 1),
            view.Int("m", d.M, 1),
            view.Int("l", d.L, 1),
            view.Globs("generated", d.Generated));
        if (!(sizing.Xs < sizing.S && sizing.S < sizing.M && sizing.M < sizing.L))
        {
            reader.ErrorAt("sizing", $"size limits must grow: xs < s < m < l, got {sizing.Xs}, {sizing.S}, {sizing.M}, {sizing.L}");
        }

        return sizing;
    }

    private ProtectionSettings ReadProtections(MapView root)
    {
        var d = ConfigDefaults.Protections;
        var view = MapView.Open(reader, root.Node("protections"), "protections", "protections", ConfigKeys.Protections);
        var branch = view.String("branch", d.Branch);
        if (string.IsNullOrWhiteSpace(branch))
        {
            reader.ErrorAt("protections.branch", "protections.branch may not be empty");
        }

        return new ProtectionSettings(
            branch,
            view.Bool("requirePullRequest", d.RequirePullRequest),
            view.Int("requiredApprovals", d.RequiredApprovals, 0),
            view.Bool("dismissStaleReviews", d.DismissStaleReviews),
            view.Bool("requireChecks", d.RequireChecks),
            view.Bool("blockForcePushes", d.BlockForcePushes),
            view.Bool("blockDeletions", d.BlockDeletions),
            view.Bool("allowAutoMerge", d.AllowAutoMerge));
    }
}
