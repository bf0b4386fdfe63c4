using Autoship.Core.Config;
using Autoship.Engine.Demo;
using Autoship.Forge.Local;

namespace Autoship.Server.Tests.Support;

/// <summary>A fresh local forge with the sample project and the demo's configuration but no issues: ticks on it are quick.</summary>
public sealed class SmallForge : IAsyncDisposable
{
    private readonly TempDir temp = new();
    private readonly TempDir seed = new();

    public string Directory => temp.Path;

    /// <param name="config">The repository's configuration (default: the demo's).</param>
    public static async Task<SmallForge> CreateAsync(string? config = null)
    {
        var small = new SmallForge();
        LocalSample.WriteTo(small.seed.Path, new Dictionary<string, string> { [AutoshipConfig.DefaultPath] = config ?? DemoRunner.DemoConfig() });
        await using var forge = await LocalForge.InitAsync(small.temp.Path, LocalSample.Owner, TimeProvider.System, small.seed.Path, CancellationToken.None);
        return small;
    }

    public ValueTask DisposeAsync()
    {
        temp.Dispose();
        seed.Dispose();
        return ValueTask.CompletedTask;
    }
}
