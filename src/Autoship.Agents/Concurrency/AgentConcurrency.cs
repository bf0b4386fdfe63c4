using Autoship.Core.Config;

namespace Autoship.Agents;

/// <summary>
/// At most <c>loop.maxConcurrent</c> agents at once overall, and at most each agent's <c>maxConcurrent</c>.
/// A slot is taken for the agent first, then overall, so a busy agent never holds an overall slot while waiting.
/// </summary>
public sealed class AgentConcurrency
{
    private readonly SemaphoreSlim overall;
    private readonly Dictionary<string, SemaphoreSlim> perAgent = new(StringComparer.OrdinalIgnoreCase);
    private readonly IReadOnlyDictionary<string, int> limits;

    public AgentConcurrency(int maxOverall, IReadOnlyDictionary<string, int> perAgentLimits)
    {
        overall = new SemaphoreSlim(Math.Max(1, maxOverall));
        limits = perAgentLimits;
    }

    public static AgentConcurrency From(AutoshipConfig config) =>
        new(config.Loop.MaxConcurrent, config.Agents.ToDictionary(a => a.Name, a => a.MaxConcurrent, StringComparer.OrdinalIgnoreCase));

    /// <summary>Waits for a slot; dispose the result to give it back.</summary>
    public async Task<IDisposable> AcquireAsync(string agent, CancellationToken cancellationToken)
    {
        var mine = Semaphore(agent);
        await mine.WaitAsync(cancellationToken);
        try
        {
            await overall.WaitAsync(cancellationToken);
        }
        catch
        {
            mine.Release();
            throw;
        }

        return new Slot(mine, overall);
    }

    private SemaphoreSlim Semaphore(string agent)
    {
        lock (perAgent)
        {
            if (!perAgent.TryGetValue(agent, out var s))
            {
                var limit = limits.GetValueOrDefault(agent);
                s = new SemaphoreSlim(limit > 0 ? limit : int.MaxValue);
                perAgent[agent] = s;
            }

            return s;
        }
    }

    private sealed class Slot(SemaphoreSlim agent, SemaphoreSlim overall) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                overall.Release();
                agent.Release();
            }
        }
    }
}
