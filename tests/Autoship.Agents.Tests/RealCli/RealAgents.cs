using Autoship.Agents.Tests.FakeModel;
using Autoship.Core.Config;

namespace Autoship.Agents.Tests.RealCli;

/// <summary>
/// The real agent CLIs that <c>scripts/test-agents.sh</c> installs (pinned) into tests/.agents, and how each is pointed
/// at the loopback fake model: which variables it reads and which model name it is given.
/// </summary>
public static class RealAgents
{
    public static readonly string Bin = Path.Combine(RepoRoot(), "tests", ".agents", "node_modules", ".bin");

    public static TheoryData<string> Presets => new(FakeModelClients.Presets);

    /// <summary>The bin directory, or a skip naming the install step when the CLI is not installed.</summary>
    public static void RequireInstalled(string preset)
    {
        if (!File.Exists(Path.Combine(Bin, preset)))
        {
            Assert.Skip($"{preset} is not installed in {Bin}: run scripts/test-agents.sh (npm must reach registry.npmjs.org)");
        }
    }

    /// <summary>The variables (values) the harness holds for <paramref name="preset"/> against the fake at <paramref name="baseUrl"/>.</summary>
    public static Dictionary<string, string> Credentials(string preset, string baseUrl) => FakeModelClients.Credentials(preset, baseUrl);

    public static string? Model(string preset) => FakeModelClients.Model(preset);

    /// <summary>A harness whose environment points <paramref name="preset"/> at a fresh fake model playing <paramref name="script"/>, and the agent definition.</summary>
    public static async Task<(Harness H, FakeModelServer Model, AgentDefinition Agent)> SetUpAsync(string preset, FakeScript script, string name, SandboxKind sandbox = SandboxKind.None)
    {
        RequireInstalled(preset);
        var h = await Harness.CreateAsync();
        var model = new FakeModelServer(script);
        var creds = Credentials(preset, model.BaseUrl);
        foreach (var (k, v) in creds)
        {
            h.Env[k] = v;
        }

        h.Env["PATH"] = Bin + ":" + h.Env["PATH"];
        return (h, model, Agent(name, preset, creds, sandbox));
    }

    public static AgentDefinition Agent(string name, string preset, IReadOnlyDictionary<string, string> credentials, SandboxKind sandbox) =>
        Fixtures.Agent(name, preset: preset, model: Model(preset), env: [.. credentials.Keys], sandbox: sandbox, network: true,
            timeout: TimeSpan.FromMinutes(3), inactivity: TimeSpan.FromMinutes(2));

    private static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Autoship.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("Autoship.sln not found above the test binaries");
        }

        return dir;
    }
}
