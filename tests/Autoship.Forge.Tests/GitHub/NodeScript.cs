using System.Diagnostics;

namespace Autoship.Forge.Tests.GitHub;

/// <summary>Runs one of this folder's node scripts with JSON on stdin and returns its stdout; a failure fails the test.</summary>
internal static class NodeScript
{
    public static async Task<string> RunAsync(string script, string argument, string input, CancellationToken ct)
    {
        var psi = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(Peers.RepoRoot, "tests", "Autoship.Forge.Tests", "GitHub", script));
        psi.ArgumentList.Add(argument);
        using var node = Process.Start(psi) ?? throw new InvalidOperationException("could not start node");
        await node.StandardInput.WriteAsync(input);
        node.StandardInput.Close();
        var output = node.StandardOutput.ReadToEndAsync(ct);
        var error = node.StandardError.ReadToEndAsync(ct);
        await node.WaitForExitAsync(ct);
        node.ExitCode.ShouldBe(0, await error);
        return await output;
    }
}
