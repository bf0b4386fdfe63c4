using Autoship.Core;

namespace Autoship.Agents.Tests;

/// <summary>Each preset starts its tool (a stand-in on PATH) with the documented arguments, in the worktree, with the prompt.</summary>
public sealed class PresetInvocationTests
{
    public static TheoryData<string, string[]> Expected => new()
    {
        // Prompts go by stdin (no "Argument list too long"); project settings, hooks and MCP servers are off.
        { "claude", ["-p", "--output-format", "json", "--setting-sources", "user", "--strict-mcp-config", "--permission-mode", "acceptEdits", "--allowedTools", "Bash", "--model", "m1", "--extra"] },
        { "codex", ["exec", "--json", "--sandbox", "workspace-write", "--ephemeral", "--ignore-user-config", "--ignore-rules", "--skip-git-repo-check", "--color", "never", "-m", "m1", "--extra", "-"] },
        { "aider", ["--message-file", "{prompt_file}", "--yes-always", "--no-auto-commits", "--no-dirty-commits", "--no-stream", "--no-gitignore", "--no-check-update", "--no-analytics", "--no-show-release-notes", "--no-pretty", "--input-history-file", "{home}/.aider.input.history", "--chat-history-file", "{home}/.aider.chat.history.md", "--model", "m1", "--extra"] },
        { "opencode", ["run", "--format", "json", "--pure", "--model", "m1", "--extra"] },
        { "gemini", ["-p", GeminiPreset.Instruction, "--output-format", "json", "--approval-mode", "yolo", "-e", "none", "--allowed-mcp-server-names", GeminiPreset.NoServer, "-m", "m1", "--extra"] },
        { "qwen", ["-p", GeminiPreset.Instruction, "--output-format", "json", "--approval-mode", "yolo", "--safe-mode", "--auth-type", "openai", "--chat-recording", "false", "--allowed-mcp-server-names", GeminiPreset.NoServer, "-m", "m1", "--extra"] },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public async Task RunAuthorAsync_Preset_InvokesToolWithDocumentedArgsInWorktree(string preset, string[] expected)
    {
        using var h = await Harness.CreateAsync();
        h.Script(preset, "echo 'a fix' >> docs/guide.md");
        var order = Fixtures.Order();
        var agent = Fixtures.Agent(preset: preset, model: "m1", args: ["--extra"]);

        var result = await h.Runner().RunAuthorAsync(h.Author(order, agent), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.Committed, string.Join("; ", result.Reasons));
        var promptFile = Path.Combine(h.State, "runs", result.Run.Id, "prompt.md");
        var prompt = File.ReadAllText(promptFile);
        var home = Path.Combine(h.State, "runs", result.Run.Id, "home");
        h.RecordedArgv().Select(a => a == prompt ? "{prompt}" : a == promptFile ? "{prompt_file}" : a.Replace(home, "{home}", StringComparison.Ordinal)).ShouldBe(expected);
        h.Recorded("cwd").Trim().ShouldStartWith(Path.Combine(h.State, "worktrees", result.Run.Id));
        prompt.ShouldContain("#42 Fix the guide");
        prompt.ShouldContain("allowed paths: docs/**, **/*.md");
        prompt.ShouldContain(PromptBuilder.UntrustedBegin);
        if (preset == "aider")
        {
            h.Recorded("prompt").ShouldBe(prompt);
        }
        else
        {
            h.Recorded("stdin").ShouldBe(prompt);
        }

        result.Run.CommandLine.ShouldContain(preset);
        result.Run.CommandLine.ShouldNotContain(prompt);
    }

    [Fact]
    public async Task RunAuthorAsync_CommandPreset_SubstitutesPlaceholders()
    {
        using var h = await Harness.CreateAsync();
        h.Script("my-agent", "echo 'a fix' >> docs/guide.md");
        var agent = Fixtures.Agent(command: ["my-agent", "--prompt", "{prompt_file}", "--dir", "{worktree}", "--model={model}"], model: "m2", args: ["--x"]);

        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), agent), TestContext.Current.CancellationToken);

        result.Outcome.ShouldBe(AttemptOutcome.Committed, string.Join("; ", result.Reasons));
        var wt = h.Recorded("cwd").Trim();
        h.RecordedArgv().ShouldBe(["--prompt", Path.Combine(h.State, "runs", result.Run.Id, "prompt.md"), "--dir", wt, "--model=m2", "--x"]);
        h.Recorded("prompt").ShouldContain("Work order");
    }

    [Fact]
    public async Task RunAuthorAsync_CommandPresetWithoutCommand_FailsWithReason()
    {
        using var h = await Harness.CreateAsync();
        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), Fixtures.Agent(command: [])), TestContext.Current.CancellationToken);
        result.Outcome.ShouldBe(AttemptOutcome.AgentFailed);
        result.Reasons.ShouldContain(r => r.Message.Contains("command:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAuthorAsync_UnknownPreset_FailsWithReason()
    {
        using var h = await Harness.CreateAsync();
        var result = await h.Runner().RunAuthorAsync(h.Author(Fixtures.Order(), Fixtures.Agent(preset: "copilot")), TestContext.Current.CancellationToken);
        result.Outcome.ShouldBe(AttemptOutcome.AgentFailed);
        result.Reasons.Single().Code.ShouldBe("runner.unknown-preset");
    }
}
