namespace Autoship.Core.Config;

/// <summary>The keys of <c>rules</c> and of its three kinds of rule.</summary>
internal static class RuleSections
{
    private static readonly SectionBuilder R = new("rules", "rules", "Rules that raise a change's lane (labels, paths, content) or forbid it (content).");
    private static readonly SectionBuilder LR = new("labelRule", "rules.labels[]", "A label on the issue or PR that puts the change at least in a lane (labels raise, never lower).");
    private static readonly SectionBuilder PR = new("pathRule", "rules.paths[]", "Changed paths matching any glob put the change at least in a lane.");
    private static readonly SectionBuilder CR = new("contentRule", "rules.content[]", "A regular expression over added lines (optionally only in some paths).");

    public static readonly IReadOnlyList<string> Actions = ["raise", "forbid"];

    public static readonly KeySpec Labels = R.List("labels", "labelRule", "Label rules, e.g. risk:high → human.");
    public static readonly KeySpec Paths = R.List("paths", "pathRule", "Path rules, e.g. **/migrations/** → human.");
    public static readonly KeySpec Content = R.List("content", "contentRule", "Content rules over added lines.");

    public static readonly ConfigKey<string> Label = LR.String("label", string.Empty, "The label (must be defined under labels).", required: true);
    public static readonly ConfigKey<Lane> LabelLane = LR.Lane("lane", Lane.Human, "The lowest lane the label puts the change in.", required: true);
    public static readonly ConfigKey<string> LabelReason = LR.String("reason", string.Empty, "Why, as shown in the decision's reasons.", required: true);

    public static readonly ConfigKey<string> PathId = PR.String("id", string.Empty, "Unique id of the rule, shown in reasons.", required: true);
    public static readonly ConfigKey<IReadOnlyList<string>> PathGlobs = PR.Globs("paths", [], "Globs of changed paths.", required: true);
    public static readonly ConfigKey<Lane> PathLane = PR.Lane("lane", Lane.Human, "The lowest lane a matching change is in.", required: true);
    public static readonly ConfigKey<string> PathReason = PR.String("reason", string.Empty, "Why, as shown in the decision's reasons.", required: true);

    public static readonly ConfigKey<string> ContentId = CR.String("id", string.Empty, "Unique id of the rule, shown in reasons.", required: true);
    public static readonly ConfigKey<string> Pattern = CR.String("pattern", string.Empty, ".NET regular expression over added lines; not empty, and a forbid pattern may not match an empty line.", required: true);
    public static readonly ConfigKey<string> Action = CR.Choice("action", "raise", Actions, "action", "raise: at least 'lane'; forbid: the guardrail refuses the change.");
    public static readonly ConfigKey<Lane> ContentLane = CR.Lane("lane", Lane.Human, "The lowest lane a matching change is in.");
    public static readonly ConfigKey<string> ContentReason = CR.String("reason", string.Empty, "Why, as shown in the decision's reasons.", required: true);
    public static readonly ConfigKey<IReadOnlyList<string>> ContentPaths = CR.Globs("paths", [], "Only in these paths; empty means every path.");

    public static readonly ConfigSection Rules = R.Build();
    public static readonly ConfigSection LabelRule = LR.Build();
    public static readonly ConfigSection PathRule = PR.Build();
    public static readonly ConfigSection ContentRule = CR.Build();
}
