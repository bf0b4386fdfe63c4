namespace Autoship.Cli.Tests;

public sealed class CliSmokeTests
{
    [Fact]
    public async Task Version_PrintsAVersion_ExitsZero()
    {
        using var dir = new TempDir();
        var result = await CliRunner.RunAsync(dir.Path, "version");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.Trim().ShouldStartWith("0.1.0");
    }
}
