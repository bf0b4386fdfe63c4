namespace Autoship.Core.Config;

/// <summary>Which files <c>autoship init</c> writes and what they contain, given what was detected.</summary>
public static class InitPlan
{
    public const string WorkflowPath = ".github/workflows/autoship.yml";

    /// <summary>The JSON Schema beside the configuration, which the configuration's first line points editors at.</summary>
    public const string SchemaPath = ".github/" + ConfigSchema.FileName;

    public const string TestScriptPath = "scripts/test.sh";

    /// <summary>The configuration, its schema, the workflows (tick, agent job), and (only if missing) the validation entrypoint and the agents' role instructions.</summary>
    public static IReadOnlyList<InitFile> Files(IReadOnlyList<TestToolchain> detected) => Files(detected, InitLayout.Seed);

    /// <summary>The same, with the configuration fitted to what <c>init</c> found in the repository.</summary>
    public static IReadOnlyList<InitFile> Files(IReadOnlyList<TestToolchain> detected, InitLayout layout) =>
        Files(detected, layout, WorkflowSteps.DefaultVersion);

    /// <summary>The same, with the workflows installing Autoship at <paramref name="version"/> (the running tool's).</summary>
    public static IReadOnlyList<InitFile> Files(IReadOnlyList<TestToolchain> detected, InitLayout layout, string version) =>
    [
        new InitFile(AutoshipConfig.DefaultPath, DefaultConfig.For(layout), Executable: false, OnlyIfMissing: false),
        new InitFile(WorkflowPath, AutoshipWorkflow.For(detected, version), Executable: false, OnlyIfMissing: false),
        new InitFile(AgentWorkflow.Path, AgentWorkflow.For(detected, version), Executable: false, OnlyIfMissing: false),
        new InitFile(TestScriptPath, TestScript.Render(detected), Executable: true, OnlyIfMissing: true),
        new InitFile(SchemaPath, ConfigSchema.Json + "\n", Executable: false, OnlyIfMissing: false),
        .. RoleInstructionTexts.Files(RoleInstructionTexts.Seed.Keys),
    ];
}
