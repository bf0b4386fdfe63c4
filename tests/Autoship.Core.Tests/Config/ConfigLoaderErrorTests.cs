namespace Autoship.Core.Tests.Config;

public sealed class ConfigLoaderErrorTests
{
    public static TheoryData<string, string, int, string, string> Cases() => new()
    {
        // name, yaml, line, token at the error's column, message fragment
        { "unknown root key", ConfigYaml.Base + "agent: []\n", 15, "agent", "unknown key 'agent' in the configuration; did you mean 'agents'?" },
        { "unknown nested key", ConfigYaml.Base + "loop: { schedul: \"*/5 * * * *\" }\n", 15, "schedul", "unknown key 'schedul' in loop; did you mean 'schedule'?" },
        { "unknown key, no hint", ConfigYaml.Base + "loop: { banana: 1 }\n", 15, "banana", "unknown key 'banana' in loop" },
        { "integer type", ConfigYaml.Base + "loop: { maxAttempts: abc }\n", 15, "abc", "expected an integer, got 'abc'" },
        { "boolean type", ConfigYaml.Base + "loop: { killSwitch: maybe }\n", 15, "maybe", "expected true or false, got 'maybe'" },
        { "list type", ConfigYaml.Base + "never: docs\n", 15, "docs", "expected a list of strings, got 'docs'" },
        { "mapping type", ConfigYaml.Base + "loop: [1]\n", 15, "[1]", "expected a mapping for loop, got a list" },
        { "zero limit", ConfigYaml.Base + "loop: { maxConcurrent: 0 }\n", 15, "0", "'maxConcurrent' must be a positive integer, got 0" },
        { "negative guardrail", ConfigYaml.Base + "lanes: { safe: { guardrails: { maxFiles: -1 } } }\n", 15, "-1", "'maxFiles' must be a positive integer, got -1" },
        { "negative approvals", ConfigYaml.Base + "protections: { requiredApprovals: -1 }\n", 15, "-1", "'requiredApprovals' must be at least 0, got -1" },
        { "bad duration", ConfigYaml.Base + "loop: { claimTimeout: 2 hours }\n", 15, "2 hours", "expected a duration such as 90s, 30m, 2h, 1d or hh:mm:ss, got '2 hours'" },
        { "zero duration", ConfigYaml.Base + "loop: { claimTimeout: 0m }\n", 15, "0m", "'claimTimeout' must be longer than zero" },
        { "bad cron", ConfigYaml.Base + "loop: { schedule: \"*/15 * * *\" }\n", 15, "\"*/15", "bad cron schedule '*/15 * * *'" },
        { "cron out of range", ConfigYaml.Base + "loop: { schedule: \"61 * * * *\" }\n", 15, "\"61", "Minutes" },
        { "absolute glob", ConfigYaml.Base + "never: [\"/abs/**\"]\n", 15, "\"/abs", "bad glob '/abs/**': globs are relative to the repository root" },
        { "unclosed bracket glob", ConfigYaml.With("src/api/**", "src/[api/**"), 10, "\"src", "bad glob 'src/[api/**': unclosed '['" },
        { "partial ** glob", ConfigYaml.Base + "sizing: { generated: [\"a**/b\"] }\n", 15, "\"a**", "'**' must be a whole path segment" },
        { "bad regex", ConfigYaml.Base + "rules: { content: [ { id: x, pattern: \"(\", reason: r } ] }\n", 15, "\"(\"", "invalid regular expression" },
        { "unknown lane", ConfigYaml.With("lane: staging", "lane: stagin"), 10, "stagin", "unknown lane 'stagin' (expected safe, staging or human); did you mean 'staging'?" },
        { "unknown lanes key", ConfigYaml.Base + "lanes: { fast: {} }\n", 15, "fast", "unknown key 'fast' in lanes" },
        { "unknown paused lane", ConfigYaml.Base + "loop: { pausedLanes: [prod] }\n", 15, "prod", "unknown lane 'prod'" },
        { "unknown preset", ConfigYaml.With("name: author-b,", "name: author-b, runner: { preset: claud },"), 14, "claud", "unknown runner preset 'claud' (expected one of: builtin, claude, codex, aider, opencode, gemini, qwen, command); did you mean 'claude'?" },
        { "command preset without argv", ConfigYaml.With("name: author-b,", "name: author-b, runner: { preset: command },"), 14, "command", "runner preset 'command' needs a non-empty 'command:' argv list" },
        { "unknown sandbox", ConfigYaml.With("name: author-b,", "name: author-b, sandbox: docker,"), 14, "docker", "unknown sandbox 'docker' (expected one of: none, bwrap)" },
        { "unknown action", ConfigYaml.Base + "rules: { content: [ { id: x, pattern: a, action: block, reason: r } ] }\n", 15, "block", "unknown action 'block' (expected one of: raise, forbid)" },
        { "version 2", ConfigYaml.With("version: 1", "version: 2"), 1, "2", "unsupported version 2: this Autoship reads version 1" },
        { "missing area key", ConfigYaml.With("docs: { lane: safe, ", "docs: { "), 11, "{", "missing required key 'lane' in area 'docs'" },
        { "missing rule reason", ConfigYaml.Base + "rules: { labels: [ { label: \"risk:high\", lane: human } ] }\n", 15, "{ label: ", "missing required key 'reason' in rules.labels[0]" },
        { "bad label color", ConfigYaml.With("color: \"b60205\"", "color: \"#b60205\""), 8, "\"#b6", "label color must be 6 hex digits without '#', got '#b60205'" },
        { "duplicate label", ConfigYaml.With("\"risk:high\"", "\"size:s\""), 8, "\"size:s\"", "label 'size:s' is defined twice" },
        { "duplicate agent", ConfigYaml.With("name: author-b", "name: author-a"), 14, "author-a", "agent 'author-a' is defined twice" },
        { "bad agent name", ConfigYaml.With("name: author-b", "name: Author_B"), 14, "Author_B", "agent name 'Author_B' must be lowercase" },
        { "token in agent env", ConfigYaml.With("name: author-b,", "name: author-b, env: [GITHUB_TOKEN],"), 14, "GITHUB_TOKEN", "agents never receive forge tokens" },
        { "sizes not growing", ConfigYaml.Base + "sizing: { xs: 50, s: 30 }\n", 15, "{", "size limits must grow: xs < s < m < l, got 50, 30, 100, 500" },
        { "duplicate YAML key", ConfigYaml.Base + "loop: {}\nloop: {}\n", 16, "loop", "YAML syntax error: Duplicate key" },
        { "YAML syntax", ConfigYaml.Base + "loop: { schedule: \"x\n", 15, "\"x", "YAML syntax error: While scanning a quoted scalar" },
        { "unclosed flow list", ConfigYaml.Base + "never: [\"a/**\", b\nloop: {}\n", 15, ",", "YAML syntax error: unexpected text after this point" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_InvalidConfig_ReportsErrorAtItsPosition(string name, string yaml, int line, string token, string message)
    {
        var result = ConfigYaml.Load(yaml);

        result.IsValid.ShouldBeFalse(name);
        result.Config.ShouldBeNull();
        var column = token.Length == 0 ? 1 : ConfigYaml.Column(yaml, line, token);
        var all = string.Join("\n", result.Errors);
        result.Errors.ShouldContain(e => e.Line == line && e.Column == column && e.Message.Contains(message), $"{name}: expected {ConfigYaml.File}:{line}:{column}: ...{message}... in\n{all}");
        result.Errors.ShouldAllBe(e => e.File == ConfigYaml.File);
    }

    [Fact]
    public void Load_EmptyText_ReportsEmptyConfigurationAtFirstLine()
    {
        var result = ConfigYaml.Load("# nothing here\n");
        result.Errors.Single().ToString().ShouldBe("cfg.yml:1:1: the configuration is empty (run 'autoship init' for a commented example)");
    }

    [Theory]
    [InlineData("- version: 1\n", "cfg.yml:1:1: expected a mapping of settings (version, labels, areas, ...), got a list")]
    [InlineData("just text\n", "cfg.yml:1:1: expected a mapping of settings (version, labels, areas, ...), got 'just text'")]
    public void Load_RootIsNotAMapping_ReportsOneError(string yaml, string error) =>
        ConfigYaml.Load(yaml).Errors.Select(e => e.ToString()).ShouldBe([error]);

    [Fact]
    public void Load_SecondDocument_IsAnError()
    {
        var yaml = ConfigYaml.Base + "---\nversion: 1\n";
        ConfigYaml.Load(yaml).Errors.Select(e => e.ToString()).ShouldBe(["cfg.yml:16:1: only one YAML document is allowed (remove the second '---')"]);
    }

    [Fact]
    public void Load_MissingVersion_IsTheOneRequiredKey()
    {
        var errors = ConfigYaml.Load("agents: []\n").Errors.Select(e => e.ToString()).ToList();
        errors.ShouldBe(["cfg.yml:1:1: missing required key 'version' in the configuration"]);
    }

    [Fact]
    public void Load_ManyProblems_ReportsEveryErrorAtOnceInFileOrder()
    {
        var yaml = ConfigYaml.With("lane: staging", "lane: stagin") +
            "loop: { maxAttempts: abc, claimTimeout: soon }\n" +
            "never: [\"/x\"]\n" +
            "protections: { brnch: main }\n";

        var result = ConfigYaml.Load(yaml);

        result.Errors.Select(e => $"{e.Line}:{e.Column}").ShouldBe(["10:16", "15:22", "15:41", "16:9", "17:16"]);
        result.Errors.Last().Message.ShouldBe("unknown key 'brnch' in protections; did you mean 'branch'?");
    }

    [Fact]
    public void ToString_Error_IsFileLineColumnMessage()
    {
        var error = ConfigYaml.Load(ConfigYaml.Base + "agent: []\n").Errors.Single();
        error.ToString().ShouldBe("cfg.yml:15:1: unknown key 'agent' in the configuration; did you mean 'agents'?");
    }
}
