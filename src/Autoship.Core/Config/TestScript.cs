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
        TestToolchain.Go => "go test ./...",
        TestToolchain.Cargo => "cargo test",
        _ => "make test",
    };

    /// <summary>
    /// The script. A Makefile <c>test:</c> target is the project's own aggregate, so it runs alone;
    /// otherwise every detected toolchain runs, in a fixed order. Nothing detected gives a script that fails.
    /// </summary>
    public static string Render(IReadOnlyList<TestToolchain> detected)
    {
        var commands = detected.Contains(TestToolchain.Make)
            ? [TestToolchain.Make]
            : detected.Distinct().Order().ToList();
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

        foreach (var toolchain in commands)
        {
            text.Append(Command(toolchain)).Append('\n');
        }

        return text.ToString();
    }
}
