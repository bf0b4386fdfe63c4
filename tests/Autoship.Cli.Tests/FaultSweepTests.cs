using Shouldly;
using Xunit;

namespace Autoship.Cli.Tests;

/// <summary>Runs the real CLI into faults and checks the README's exit codes (read from the README) and that no output carries a stack trace.</summary>
public sealed class FaultSweepTests
{
    private static readonly int Usage = ReadmeExitCodes.For("bad usage");
    private static readonly int Unavailable = ReadmeExitCodes.For("could not be reached");
    private static readonly int NotFound = ReadmeExitCodes.For("does not exist");

    public static TheoryData<string, int> Faults() => new()
    {
        { "status --no-such-option", Usage },
        { "no-such-command", Usage },
        { "status --forge gitlab:octo/hello", Usage },
        { "status --forge github:octo", Usage },
        { "status --forge local:missing", Usage },
        { "doctor --forge github:octo/hello", Usage },
        { "config validate --config missing.yml", Usage },
        { "status --forge local:forge --store forge", Unavailable },
        { "status --forge local:forge --store /proc/autoship-state.db", Unavailable },
        { "tick --forge local:forge --store /sys/autoship/state.db", Unavailable },
        { "explain 1 --forge local:forge --store /proc/autoship-state.db", Unavailable },
        { "explain 999 --forge local:forge", NotFound },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Cli_Fault_DocumentedExitCodeAndNoStackTrace(string commandLine, int expected)
    {
        using var dir = new TempDir();
        (await CliRunner.RunAsync(dir.Path, "local", "init", dir.Combine("forge"), "--sample")).ExitCode.ShouldBe(0);
        await File.WriteAllTextAsync(dir.Combine("not-a-db.txt"), new string('x', 4096));

        var run = await CliRunner.RunAsync(dir.Path, commandLine.Split(' '));

        run.ExitCode.ShouldBe(expected, run.ToString());
        run.Stderr.ShouldStartWith("autoship: ", Case.Sensitive, run.ToString());
        (run.Stdout + run.Stderr).ShouldNotContain("   at ", Case.Sensitive, run.ToString());
    }

    [Fact]
    public async Task Cli_FaultWithVerbose_ShowsTheTrace()
    {
        using var dir = new TempDir();
        (await CliRunner.RunAsync(dir.Path, "local", "init", dir.Combine("forge"), "--sample")).ExitCode.ShouldBe(0);
        await File.WriteAllTextAsync(dir.Combine("not-a-db.txt"), new string('x', 4096));

        var run = await CliRunner.RunAsync(dir.Path, "status", "--forge", "local:forge", "--store", "forge", "--verbose");

        run.ExitCode.ShouldBe(Unavailable, run.ToString());
        run.Stderr.ShouldContain("   at ", Case.Sensitive, run.ToString());
    }

    [Fact]
    public async Task Cli_StoreThatIsNotADatabase_IsQuarantinedAndTheCommandGoesOn()
    {
        using var dir = new TempDir();
        (await CliRunner.RunAsync(dir.Path, "local", "init", dir.Combine("forge"), "--sample")).ExitCode.ShouldBe(0);
        await File.WriteAllTextAsync(dir.Combine("not-a-db.txt"), new string('x', 4096));

        var run = await CliRunner.RunAsync(dir.Path, "status", "--forge", "local:forge", "--store", "not-a-db.txt");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Stderr.ShouldContain("was not a usable database", Case.Sensitive, run.ToString());
        Directory.GetFiles(dir.Path, "not-a-db.txt.corrupt-*").Length.ShouldBe(1);
        (run.Stdout + run.Stderr).ShouldNotContain("   at ", Case.Sensitive, run.ToString());
    }

    [Fact]
    public void ReadmeExitCodeTable_HasTheCodesTheCliDocuments()
    {
        ReadmeExitCodes.All.Keys.Order().ShouldBe([0, 1, 2, 3, 4]);
        (Usage, Unavailable, NotFound, ReadmeExitCodes.For("failed doctor check")).ShouldBe((2, 3, 4, 1));
        ReadmeExitCodes.For("a port already in use").ShouldBe(Usage);
        ReadmeExitCodes.For("a store").ShouldBe(Unavailable);
    }
}
