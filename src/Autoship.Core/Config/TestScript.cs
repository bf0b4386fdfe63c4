using System.Text;

namespace Autoship.Core.Config;

/// <summary>The <c>scripts/test.sh</c> that <c>autoship init</c> writes when the repository has none.</summary>
public static class TestScript
{
    public const string NothingDetected =
        "no test command detected: edit scripts/test.sh — a validation entrypoint that passes without testing anything is a lie";

    /// <summary>The shell command for one toolchain.</summary>
    public static string Command(TestToolchain toolchain) => toolchain switch
    {
        TestToolchain.Dotnet => "dotnet test",
        TestToolchain.Npm => "npm test",
        TestToolchain.Pytest => "python3 -m pytest",
        TestToolchain.Unittest => "python3 -m unittest discover -s tests -t .",
        TestToolchain.Go => "go test ./...",
        TestToolchain.Cargo => "cargo test",
        _ => "make test",
    };

    /// <summary>
    /// The guarded command that installs what a toolchain's tests need when it is missing (null: the test command
    /// fetches its own, as <c>dotnet test</c>, <c>go test</c> and <c>cargo test</c> do). The script and the workflow's
    /// "Install test prerequisites" step both run it; edit either to fit the project.
    /// </summary>
    public static string? Prerequisite(TestToolchain toolchain) => toolchain switch
    {
        TestToolchain.Npm => "[ -d node_modules ] || npm install --no-audit --no-fund",
        TestToolchain.Pytest => "python3 -c 'import pytest' 2>/dev/null || python3 -m pip install --quiet pytest",
        _ => null,
    };

    /// <summary>The toolchains whose commands the script runs: a Makefile's <c>test:</c> alone, else every one found.</summary>
    public static IReadOnlyList<TestToolchain> Runs(IReadOnlyList<TestToolchain> detected) =>
        detected.Contains(TestToolchain.Make) ? [TestToolchain.Make] : detected.Distinct().Order().ToList();

    /// <summary>
    /// The script. A Makefile <c>test:</c> target is the project's own aggregate, so it runs alone;
    /// otherwise every detected toolchain runs, in a fixed order. Nothing detected gives a script that fails.
    /// </summary>
    public static string Render(IReadOnlyList<TestToolchain> detected)
    {
        var commands = Runs(detected);
        var text = new StringBuilder();
        text.Append("#!/usr/bin/env bash\n");
        text.Append("# The repository's one validation entrypoint (the validation truth contract): CI and\n");
        text.Append("# Autoship run it before anything merges. Keep it aligned with what the repo supports today.\n");
        text.Append("set -euo pipefail\n");
        text.Append("cd \"$(dirname \"$0\")/..\"\n\n");
        if (commands.Count == 0)
        {
            text.Append("echo \"").Append(NothingDetected).Append("\" >&2\n");
            text.Append("exit 1\n");
            return text.ToString();
        }

        var prerequisites = commands.Select(Prerequisite).OfType<string>().ToList();
        if (prerequisites.Count > 0)
        {
            text.Append("# Test prerequisites, installed when missing.\n");
            foreach (var line in prerequisites)
            {
                text.Append(line).Append('\n');
            }

            text.Append('\n');
        }

        foreach (var toolchain in commands)
        {
            text.Append(Command(toolchain)).Append('\n');
        }

        return text.ToString();
    }
}
