using Autoship.Core;
using Autoship.Core.Planning;

namespace Autoship.Engine.Simulation.Pipeline;

/// <summary>One simulated issue: what the forge would say about it, and what Autoship remembers on it.</summary>
internal sealed class SimulatedItem(int number, Lane lane, string area, string risk, DateTimeOffset arrivedAt)
{
    public int Number { get; } = number;

    public Lane Lane { get; } = lane;

    public string Area { get; } = area;

    public string Risk { get; } = risk;

    public DateTimeOffset ArrivedAt { get; } = arrivedAt;

    public bool Open { get; set; } = true;

    public List<string> Labels { get; } = [];

    public List<LabelEvent> LabelEvents { get; } = [];

    public ItemMemory Memory { get; set; } = ItemMemory.Empty;

    /// <summary>Its pull requests, newest last (closed ones stay, the forge still lists them).</summary>
    public List<SimulatedPullRequest> PullRequests { get; } = [];

    public SimulatedPullRequest? OpenPullRequest => PullRequests.LastOrDefault(p => p.Open);

    public bool Merged => PullRequests.Any(p => p.Merged);

    public void AddLabel(string label, Actor by, DateTimeOffset at)
    {
        if (!Core.Labels.Has(Labels, label))
        {
            Labels.Add(label);
            LabelEvents.Add(new LabelEvent(label, true, by, at));
        }
    }

    public void RemoveLabel(string label, Actor by, DateTimeOffset at)
    {
        if (Labels.RemoveAll(l => string.Equals(l, label, StringComparison.OrdinalIgnoreCase)) > 0)
        {
            LabelEvents.Add(new LabelEvent(label, false, by, at));
        }
    }
}

/// <summary>One simulated pull request on an <c>autoship/*</c> branch.</summary>
internal sealed class SimulatedPullRequest(int number, SimulatedItem item, WorkOrder order)
{
    public int Number { get; } = number;

    public SimulatedItem Item { get; } = item;

    public WorkOrder Order { get; set; } = order;

    public int Version { get; set; } = 1;

    public string Head => $"{Number:x8}{Version:x8}{new string('a', 24)}";

    public bool Open { get; set; } = true;

    public bool Merged { get; set; }

    public string? MergeSha { get; set; }

    /// <summary>The pull request it breaks main together with (each passes alone), or null.</summary>
    public int? Partner { get; set; }

    public DateTimeOffset? EnqueuedAt { get; set; }

    public List<string> Labels { get; } = [];

    public List<ReviewSnapshot> Reviews { get; } = [];

    public List<CheckSnapshot> Checks { get; } = [];

    public List<DeploymentSnapshot> Deployments { get; } = [];

    public void SetCheck(string name, CheckState state, string? description = null)
    {
        Checks.RemoveAll(c => c.Name == name && c.Sha == Head);
        Checks.Add(new CheckSnapshot(name, state, Head, description));
    }
}
