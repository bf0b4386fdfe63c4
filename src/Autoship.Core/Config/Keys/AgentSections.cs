namespace Autoship.Core.Config;

/// <summary>The keys of <c>agents[]</c> and of an agent's <c>runner</c>.</summary>
internal static class AgentSections
{
    private static readonly SectionBuilder A = new("agent", "agents[]", "One agent: the areas it owns as author, whether it reviews, and how it runs.");
    private static readonly SectionBuilder R = new("runner", "agents[].runner", "How to start the agent.");

    public static readonly IReadOnlyList<string> Presets = ["builtin", "claude", "codex", "aider", "opencode", "gemini", "qwen", "command"];
    public static readonly IReadOnlyList<string> Sandboxes = ["none", "bwrap"];
    public static readonly IReadOnlyList<string> NetworkModes = ["false", "true", "allow-list"];

    public static readonly ConfigKey<string> Name = A.String("name", string.Empty, "Lowercase letters, digits and '-'; unique.", required: true, pattern: "^[a-z0-9][a-z0-9-]*$",
        check: n => ConfigNames.IsName(n) ? null : $"agent name '{n}' must be lowercase letters, digits and '-'");
    public static readonly ConfigKey<string> Description = A.String("description", string.Empty, "What the agent does.");
    public static readonly ConfigKey<IReadOnlyList<string>> Areas = A.Strings("areas", [], "Areas this agent owns as author (each area has exactly one owner).");
    public static readonly ConfigKey<IReadOnlyList<string>> AlsoPaths = A.Globs("alsoPaths", [],
        "Paths outside its areas this agent may change as author (e.g. tests next to its code); the harness refuses any other path outside its areas.");
    public static readonly ConfigKey<bool> Author = A.Bool("author", true, "Takes work in its areas.");
    public static readonly ConfigKey<bool> Review = A.Bool("review", true, "Reviews other agents' pull requests.");
    public static readonly ConfigKey<string?> Reviewer = A.NullableString("reviewer", "The agent that reviews this one's PRs; default: the first other agent with review: true.");
    public static readonly KeySpec Runner = A.Section("runner", "runner", "How to start the agent: a preset.");
    public static readonly ConfigKey<TimeSpan> Timeout = A.Duration("timeout", "30m", "Longest run of one attempt.");
    public static readonly ConfigKey<TimeSpan> Inactivity = A.Duration("inactivity", "10m", "Longest time without output before the run is stopped.");
    public static readonly ConfigKey<IReadOnlyList<string>> Env = A.Strings("env", [], "Environment variables passed to the agent (never forge tokens).", itemPattern: "^[A-Za-z_][A-Za-z0-9_]*$");
    public static readonly ConfigKey<string?> Login = A.NullableString("login", "Forge login of this agent's identity, for reviewer requests.");
    public static readonly ConfigKey<string> Sandbox = A.Choice("sandbox", "none", Sandboxes, "sandbox", "none, or bwrap (bubblewrap) around the agent's process.");
    public static readonly ConfigKey<string> Network = A.Choice("network", "true", NetworkModes, "network mode",
        "false: no network at all; true: the whole network; allow-list: only its model endpoint and the `egress` hosts, through the harness's proxy (needs sandbox: bwrap).");
    public static readonly ConfigKey<IReadOnlyList<string>> Egress = A.Strings("egress", [],
        "With network: allow-list, hosts the agent may reach besides its model endpoint (host or host:port, e.g. registry.npmjs.org); the rest is refused and logged.",
        itemPattern: EgressHosts.Pattern);
    public static readonly ConfigKey<int> MaxConcurrent = A.Int("maxConcurrent", 1, 1, "Runs of this agent at once.");
    public static readonly ConfigKey<long> MaxTokensPerDay = A.Long("maxTokensPerDay", 0, 0,
        "Tokens (input + output) this agent may use per UTC day, counted by the harness from its recorded runs; 0: no limit. Reached: the agent pauses.");
    public static readonly ConfigKey<string> MaxCostPerDay = A.String("maxCostPerDay", "0", "US dollars this agent may spend per UTC day (e.g. \"5.00\"), from the costs its runs reported; 0: no limit.",
        pattern: @"^[0-9]+(\.[0-9]{1,4})?$", check: v => decimal.TryParse(v, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _) ? null : $"maxCostPerDay '{v}' must be a number of dollars like 5.00");

    public static readonly ConfigKey<string> Preset = R.Choice("preset", "builtin", Presets, "runner preset", "builtin, claude, codex, aider, opencode, gemini, qwen, or command (your own argv).");
    public static readonly ConfigKey<string?> Model = R.NullableString("model", "Model name passed to the preset.");
    public static readonly ConfigKey<IReadOnlyList<string>> Args = R.Strings("args", [], "Extra arguments for the preset.");
    public static readonly ConfigKey<IReadOnlyList<string>> Command = R.Strings("command", [], "argv for preset 'command' (required there).");

    public static readonly ConfigSection Agent = A.Build();
    public static readonly ConfigSection RunnerSection = R.Build();

    public static AgentDefinition Read(ConfigReader reader, MapView view) => new(
        Name.Read(view), Description.Read(view), Areas.Read(view), Author.Read(view), Review.Read(view), Reviewer.Read(view),
        ReadRunner(reader, view), Timeout.Read(view), Inactivity.Read(view), Env.Read(view), Login.Read(view),
        Sandbox.Read(view) == "bwrap" ? SandboxKind.Bwrap : SandboxKind.None, Network.Read(view) != "false", MaxConcurrent.Read(view))
    {
        AlsoPaths = AlsoPaths.Read(view),
        Egress = ReadEgress(view),
        MaxTokensPerDay = MaxTokensPerDay.Read(view),
        MaxCostPerDay = decimal.TryParse(MaxCostPerDay.Read(view), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var cost) ? cost : 0m,
    };

    /// <summary>The allow-list when <c>network: allow-list</c> (which needs bwrap: without the sandbox nothing enforces it), else null.</summary>
    private static IReadOnlyList<string>? ReadEgress(MapView view)
    {
        var hosts = Egress.Read(view);
        foreach (var bad in hosts.Where(h => !EgressHosts.IsValid(h)))
        {
            view.Error(Egress.Name, $"egress host '{bad}' must be a host name or address, optionally with :port (e.g. registry.npmjs.org:443)");
        }

        if (Network.Read(view) != "allow-list")
        {
            if (hosts.Count > 0)
            {
                view.Error(Egress.Name, "egress hosts only apply with network: allow-list");
            }

            return null;
        }

        if (Sandbox.Read(view) != "bwrap")
        {
            view.Error(Network.Name, "network: allow-list needs sandbox: bwrap (without the sandbox nothing can enforce the allow-list)");
        }

        return hosts;
    }

    public static RunnerSettings ReadRunner(ConfigReader reader, MapView agent)
    {
        var view = MapView.Open(reader, agent.Node(Runner.Name), RunnerSection, agent.Child(Runner.Name));
        var runner = new RunnerSettings(Preset.Read(view), Model.Read(view), Args.Read(view), Command.Read(view));
        if (runner.Preset == "command" && (runner.Command.Count == 0 || runner.Command.All(string.IsNullOrWhiteSpace)))
        {
            view.Error(Preset.Name, "runner preset 'command' needs a non-empty 'command:' argv list (e.g. [\"my-agent\", \"--yes\"])");
        }

        return runner;
    }
}
