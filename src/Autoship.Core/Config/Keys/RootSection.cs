namespace Autoship.Core.Config;

/// <summary>The top-level keys of <c>.github/autoship.yml</c>. Only <c>version</c> is required: omitted sections take their defaults.</summary>
internal static class RootSection
{
    private static readonly SectionBuilder B = new("root", string.Empty, "Autoship configuration (.github/autoship.yml).");

    public static readonly KeySpec Version = B.Const("version", 1, "Configuration format version.");
    public static readonly KeySpec Labels = B.List("labels", "label",
        "Every label Autoship reads or writes. Omitted: the standard risk/autonomy/size/lane labels plus area:<name> for each area.", emptyByDefault: false);
    public static readonly KeySpec Areas = B.Map("areas", "area", "^[a-z0-9][a-z0-9-]*$", "Areas by name (the part after 'area:'): the paths each covers and its starting lane.");
    public static readonly KeySpec Lanes = B.Section("lanes", "lanes", "Lane A (safe), B (staging), C (human).");
    public static readonly KeySpec Rules = B.Section("rules", "rules", "Label, path and content rules.");
    public static readonly ConfigKey<IReadOnlyList<string>> Never = B.Globs("never",
        [".github/workflows/**", ".github/autoship.yml", ".git/**", "**/*.pem", "**/.env", "**/.env.*"],
        "Paths no agent may touch at all; area paths and path rules cannot override them.");
    public static readonly KeySpec Agents = B.List("agents", "agent", "The agents: exactly one author per area, every change reviewed by a different agent.");
    public static readonly KeySpec Loop = B.Section("loop", "loop", "The control loop's schedule and limits.");
    public static readonly KeySpec Validation = B.Section("validation", "validation", "The validation truth contract.");
    public static readonly KeySpec Sizing = B.Section("sizing", "sizing", "Size classes.");
    public static readonly KeySpec Queue = B.Section("queue", "queue", "Which ready work goes first, fair shares and queue-health alerts.");
    public static readonly KeySpec Protections = B.Section("protections", "protections", "Branch protections 'autoship protect' applies.");
    public static readonly KeySpec Executor = B.Section("executor", "executor", "Where agent work orders run (local worker processes or GitHub Actions).");

    public static readonly ConfigSection Section = B.Build();
}
