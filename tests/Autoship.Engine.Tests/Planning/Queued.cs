using Autoship.Core;
using Autoship.Core.Config;
using Autoship.Core.Planning;
using static Autoship.Engine.Tests.Planning.Fake;

namespace Autoship.Engine.Tests.Planning;

/// <summary>Ready issues made ready a given time ago, with a priority label applied by a given account.</summary>
internal static class Queued
{
    public static readonly Actor Reader = new("drive-by", Permission.Read);

    public static IssueSnapshot Item(int number, string area, string? priority = null, double waitedHours = 1, Actor? prioritizer = null, string body = "body",
        string risk = "low", bool safe = true)
    {
        var labels = new List<string> { Labels.Ready, "area:" + area, "risk:" + risk };
        if (safe)
        {
            labels.Add(Labels.Safe);
        }

        var at = Now.AddHours(-waitedHours);
        var events = labels.Select(l => new LabelEvent(l, true, Maintainer, at)).ToList();
        if (priority is not null)
        {
            labels.Add("priority:" + priority);
            events.Add(new LabelEvent("priority:" + priority, true, prioritizer ?? Maintainer, at));
        }

        return new IssueSnapshot(number, $"Item {number}", body, true, labels, [], events, at);
    }

    /// <summary>The default configuration with <paramref name="slots"/> concurrent work orders and every agent allowed <paramref name="perAgent"/>.</summary>
    public static AutoshipConfig Slots(int slots, int perAgent = 1, int maxPerArea = 0) => Config with
    {
        Loop = Config.Loop with { MaxConcurrent = slots },
        Agents = Config.Agents.Select(a => a with { MaxConcurrent = perAgent }).ToList(),
        Queue = Config.Queue with { MaxPerArea = maxPerArea },
    };

    public static IReadOnlyList<int> Started(Plan plan) => plan.Actions.OfType<StartAttempt>().Select(s => s.Issue).ToList();

    public static ItemView View(Plan plan, int issue) => plan.Items.Single(i => i.Issue == issue);
}
