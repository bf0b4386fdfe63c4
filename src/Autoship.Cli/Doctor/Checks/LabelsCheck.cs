using Autoship.Core;
using Autoship.Forge;

namespace Autoship.Cli.Doctor.Checks;

internal sealed class LabelsCheck : IDoctorCheck
{
    public string Name => "labels";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var plan = LabelChange.Plan(context.Config.Labels, await context.Forge.RequireSetup().ListLabelsAsync(cancellationToken), prune: false);
        var missing = plan.Where(c => c.Action == LabelAction.Create).Select(c => c.Name).ToList();
        var differ = plan.Where(c => c.Action == LabelAction.Update).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            return DoctorResult.Fail(Name, $"{Plural.Of(missing.Count, "configured label")} missing: {string.Join(", ", missing.Take(8))}{(missing.Count > 8 ? ", …" : string.Empty)}", "run 'autoship labels sync'");
        }

        return differ.Count > 0
            ? DoctorResult.Warn(Name, $"{Plural.Of(differ.Count, "label")} {(differ.Count == 1 ? "differs" : "differ")} in color or description: {string.Join(", ", differ.Take(8))}", "run 'autoship labels sync'")
            : DoctorResult.Ok(Name, $"all {context.Config.Labels.Count} configured labels present");
    }
}
