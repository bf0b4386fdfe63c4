using Autoship.Core.Config;
using Autoship.Core.Planning;

namespace Autoship.Core.Dashboard;

/// <summary>What the dashboard issue shows: one tick's last plan, the controls and the agents out of budget.</summary>
public sealed record DashboardInput(
    LoopSettings Loop,
    RuntimeControls Controls,
    IReadOnlyList<Reason> Notices,
    IReadOnlyList<ItemView> Items,
    IReadOnlyList<QueueAlert> Health,
    IReadOnlyDictionary<string, Reason> UnavailableAgents);
