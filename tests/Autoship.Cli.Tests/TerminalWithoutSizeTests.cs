using System.Diagnostics;

namespace Autoship.Cli.Tests;

/// <summary>
/// A pseudo-terminal that reports no window size (<c>script</c> without a controlling terminal, some CI runners,
/// <c>docker exec -t</c>) answers 0 columns: the tables still print, at 80 columns, instead of failing with
/// Spectre's "Console width must be greater than zero".
/// </summary>
public sealed class TerminalWithoutSizeTests
{
    [Fact]
    public async Task Classify_OnAPseudoTerminalWithNoSize_PrintsItsTableAt80Columns()
    {
        if (!File.Exists("/usr/bin/script"))
        {
            Assert.Skip("util-linux's script is not installed");
        }

        using var dir = new TempDir();
        var init = await CliRunner.RunAsync(dir.Path, "init", "--path", dir.Path);
        init.ExitCode.ShouldBe(0, init.ToString());
        var command = $"dotnet exec '{CliRunner.CliDll}' classify --config '{dir.Combine(".github", "autoship.yml")}' --label area:docs --label risk:low --file docs/guide.md";
        var psi = new ProcessStartInfo("/usr/bin/script", ["-q", "-e", "-c", command, "/dev/null"])
        {
            WorkingDirectory = dir.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.Environment.Remove("COLUMNS");
        psi.Environment["NO_COLOR"] = "1";

        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var output = await stdout + await stderr;

        process.ExitCode.ShouldBe(0, output);
        output.ShouldNotContain("Console width");
        output.ShouldContain("safe");
        output.Split('\n').Select(l => l.TrimEnd('\r')).ShouldAllBe(l => l.Length <= 80, output);
    }
}
