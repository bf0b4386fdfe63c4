using System.Net;
using System.Net.Sockets;

namespace Autoship.Cli.Tests;

/// <summary>
/// The fault sweep over the network: a loopback GitHub that rejects the token (401, also for <c>doctor</c>), a GitHub
/// that cannot be reached, and <c>serve</c> on a port in use. Exit codes are the README's table; never a stack trace.
/// </summary>
public sealed class FaultSweepNetworkTests
{
    private static readonly int Usage = ReadmeExitCodes.For("a port already in use");
    private static readonly int Unavailable = ReadmeExitCodes.For("rejected the token with 401");

    /// <summary>The command and its documented exit code: 3 (unreachable/401), but 1 for doctor, which reports the failed check.</summary>
    public static TheoryData<string, int> GitHubCommands() => new()
    {
        { "status --forge github:octo/hello", Unavailable },
        { "tick --forge github:octo/hello", Unavailable },
        { "doctor --forge github:octo/hello", FailedCheck },
        { "labels sync --forge github:octo/hello", Unavailable },
    };

    private static readonly int FailedCheck = ReadmeExitCodes.For("failed doctor check");

    [Theory]
    [MemberData(nameof(GitHubCommands))]
    public async Task Cli_GitHubAnswers401_ExitsDocumentedCodeWithTheFixAndNoTrace(string commandLine, int expected)
    {
        await using var github = new DoctorLoopback();
        foreach (var method in (string[])["GET", "POST", "PUT", "PATCH", "DELETE"])
        {
            github.Routes[method + " /"] = (401, """{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}""");
        }

        using var dir = new TempDir();
        DoctorLoopback.WriteSeedConfig(dir.Path);
        var run = await CliRunner.RunAsync(dir.Path, github.Env, commandLine.Split(' '));

        run.ExitCode.ShouldBe(expected, run.ToString());
        (run.Stdout + run.Stderr).ShouldContain("401", Case.Sensitive, run.ToString());
        (run.Stdout + run.Stderr).ShouldNotContain("   at ", Case.Sensitive, run.ToString());
        github.Requests.ShouldNotBeEmpty("the 401 must come from the loopback GitHub, not from an earlier check");
    }

    [Theory]
    [MemberData(nameof(GitHubCommands))]
    public async Task Cli_GitHubUnreachable_ExitsDocumentedCodeAndNoTrace(string commandLine, int expected)
    {
        using var dir = new TempDir();
        DoctorLoopback.WriteSeedConfig(dir.Path);
        var env = new Dictionary<string, string> { ["GITHUB_TOKEN"] = "t", ["GITHUB_API_URL"] = $"http://127.0.0.1:{ClosedPort()}/" };

        var run = await CliRunner.RunAsync(dir.Path, env, commandLine.Split(' '));

        run.ExitCode.ShouldBe(expected, run.ToString());
        (run.Stdout + run.Stderr).ShouldNotContain("   at ", Case.Sensitive, run.ToString());
    }

    [Fact]
    public async Task Serve_PortInUse_ExitsUsageAndNoTrace()
    {
        using var dir = new TempDir();
        (await CliRunner.RunAsync(dir.Path, "local", "init", dir.Combine("forge"), "--sample")).ExitCode.ShouldBe(0);
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var run = await CliRunner.RunAsync(dir.Path, "serve", "--forge", "local:forge", "--urls", $"http://127.0.0.1:{port}");

        run.ExitCode.ShouldBe(Usage, run.ToString());
        run.Stderr.ShouldContain(port.ToString(System.Globalization.CultureInfo.InvariantCulture), Case.Sensitive, run.ToString());
        (run.Stdout + run.Stderr).ShouldNotContain("   at ", Case.Sensitive, run.ToString());
    }

    /// <summary>A loopback port nothing listens on (bound, then released).</summary>
    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
